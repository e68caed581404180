"""Everything a user reads, in Dutch and English, keyed by a stable message id.

The library raises and returns Message objects (key and values); only the edge picks the
language.
"""

from __future__ import annotations

from typing import Any

from kanaalstats.domain.message import Message

# key: (Dutch, English). Placeholders use str.format names.
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- files ---------------------------------------------------------------------------
    "file_not_found": (
        "{path}: bestand niet gevonden. Controleer het pad.",
        "{path}: file not found. Check the path.",
    ),
    "file_is_directory": (
        "{path}: dit is een map, geen bestand. Geef een CSV-bestand op.",
        "{path}: this is a directory, not a file. Give a CSV file.",
    ),
    "file_not_readable": (
        "{path}: bestand kan niet gelezen worden ({reason}).",
        "{path}: cannot read the file ({reason}).",
    ),
    "file_not_decodable": (
        "{path}: de tekencodering is onbekend. Sla het bestand op als CSV in UTF-8.",
        "{path}: unknown text encoding. Save the file as CSV in UTF-8.",
    ),
    "file_is_binary": (
        "{path}: dit is geen tekstbestand. Sla de tabel op als CSV (UTF-8).",
        "{path}: this is not a text file. Save the table as CSV (UTF-8).",
    ),
    "file_is_workbook": (
        "{path}: dit is een Excel-werkmap, geen CSV. Kies in Excel 'Opslaan als' > 'CSV UTF-8'.",
        "{path}: this is an Excel workbook, not CSV. In Excel use 'Save as' > 'CSV UTF-8'.",
    ),
    "file_is_html": (
        "{path}: dit is een webpagina (HTML), geen CSV. Download de tabel als CSV.",
        "{path}: this is a web page (HTML), not CSV. Download the table as CSV.",
    ),
    "output_is_input": (
        "{path}: dit is een invoerbestand; kanaalstats overschrijft nooit zijn invoer. Kies een ander uitvoerbestand.",
        "{path}: this is an input file; kanaalstats never overwrites its input. Choose another output file.",
    ),
    "output_not_writable": (
        "{path}: kan niet schrijven ({reason}).",
        "{path}: cannot write ({reason}).",
    ),
    "output_is_plot": (
        "{path}: dit is ook het bestand van --plot. Kies voor -o een ander bestand.",
        "{path}: this is also the --plot file. Choose another file for -o.",
    ),
    "output_is_builtin": (
        "{path}: dit is de ingebouwde data van kanaalstats; die wordt nooit overschreven. "
        "Kies een ander uitvoerbestand.",
        "{path}: this is kanaalstats' built-in data, which is never overwritten. "
        "Choose another output file.",
    ),
    "output_is_special": (
        "{path}: dit is geen gewoon bestand, terminal of pipe; kanaalstats schrijft er niet "
        "in. Kies een gewoon bestand.",
        "{path}: this is not a regular file, terminal or pipe; kanaalstats does not write "
        "to it. Choose a regular file.",
    ),
    "stdout_not_writable": (
        "de uitvoer (stdout) kan niet geschreven worden ({reason}).",
        "cannot write the output (stdout) ({reason}).",
    ),
    "stdout_closed": (
        "de uitvoer (stdout) is gesloten; start kanaalstats zonder '>&-' of geef -o BESTAND.",
        "the output (stdout) is closed; run kanaalstats without '>&-' or give -o FILE.",
    ),
    "stdin_closed": (
        "{path}: de invoer (stdin) is gesloten; geef een bestand met --data.",
        "{path}: the input (stdin) is closed; give a file with --data.",
    ),
    "input_too_large": (
        "{path}: de invoer is groter dan {limit} bytes. Verhoog de grens met "
        "KANAALSTATS_MAX_INPUT (bijvoorbeeld KANAALSTATS_MAX_INPUT=20G) als dit klopt.",
        "{path}: the input is larger than {limit} bytes. Raise the limit with "
        "KANAALSTATS_MAX_INPUT (for example KANAALSTATS_MAX_INPUT=20G) if this is right.",
    ),
    "bad_max_input": (
        "KANAALSTATS_MAX_INPUT={value}: geen grootte. Schrijf een aantal bytes, "
        "eventueel met K, M of G (bijvoorbeeld 500M).",
        "KANAALSTATS_MAX_INPUT={value}: not a size. Write a number of bytes, "
        "optionally with K, M or G (for example 500M).",
    ),
    # --- table content -------------------------------------------------------------------
    "empty_table": (
        "{path}: het bestand bevat geen tabel (leeg).",
        "{path}: the file holds no table (empty).",
    ),
    "no_indicators": (
        "{path}: de tabel heeft geen rijen met indicatoren.",
        "{path}: the table has no indicator rows.",
    ),
    "no_year_columns": (
        "{path}, regel {line}: geen kolommen met een jaartal gevonden. De kop moet na het label jaartallen hebben (2016;2017;...).",
        "{path}, line {line}: no year columns found. The header must list years after the label (2016;2017;...).",
    ),
    "header_not_year": (
        "{path}, regel {line}, kolom {column}: kop '{value}' is geen jaartal. Elke kolom na het label moet een jaar zijn (bijv. 2019).",
        "{path}, line {line}, column {column}: header '{value}' is not a year. Every column after the label must be a year (e.g. 2019).",
    ),
    "duplicate_year": (
        "{path}, regel {line}: jaar {year} staat twee keer in de kop. Verwijder of hernoem één kolom.",
        "{path}, line {line}: year {year} appears twice in the header. Remove or rename one column.",
    ),
    "duplicate_indicator": (
        "{path}, regel {line}: indicator '{id}' staat er al (regel {first}). Geef elke indicator een eigen id of label.",
        "{path}, line {line}: indicator '{id}' already appears (line {first}). Give each indicator its own id or label.",
    ),
    "duplicate_indicator_across_files": (
        "{path}: indicator '{id}' staat ook in {first}. Elke indicator mag maar in één bestand staan.",
        "{path}: indicator '{id}' is also in {first}. Each indicator may appear in one file only.",
    ),
    "duplicate_value": (
        "{path}, regel {line}: {id} {year} staat er al (regel {first}). Laat één waarde per indicator en jaar staan.",
        "{path}, line {line}: {id} {year} already appears (line {first}). Keep one value per indicator and year.",
    ),
    "bad_id": (
        "{path}, regel {line}: '{value}' is geen geldig id (letters, cijfers, _ . -).",
        "{path}, line {line}: '{value}' is not a valid id (letters, digits, _ . -).",
    ),
    "bad_year": (
        "{path}, regel {line}: '{value}' is geen jaartal (vier cijfers).",
        "{path}, line {line}: '{value}' is not a year (four digits).",
    ),
    "bad_unit": (
        "{path}, regel {line}: eenheid '{value}' is onbekend. Kies uit: {choices}.",
        "{path}, line {line}: unknown unit '{value}'. Choose from: {choices}.",
    ),
    "unit_conflict": (
        "{path}, regel {line}: {id} heeft hier eenheid '{value}' maar eerder '{first}'.",
        "{path}, line {line}: {id} has unit '{value}' here but '{first}' before.",
    ),
    "row_too_long": (
        "{path}, regel {line}: de rij heeft {cells} cellen, meer dan het label plus {years} jaren in de kop.",
        "{path}, line {line}: the row has {cells} cells, more than the label plus the header's {years} years.",
    ),
    "row_too_short": (
        "{path}, regel {line}: de rij heeft {cells} waarden, de kop {years} jaren. Vul ontbrekende waarden aan met '-'.",
        "{path}, line {line}: the row has {cells} values but the header {years} years. Fill missing values with '-'.",
    ),
    "row_without_label": (
        "{path}, regel {line}: de rij heeft waarden maar geen label.",
        "{path}, line {line}: the row has values but no label.",
    ),
    "csv_malformed": (
        "{path}, regel {line}: de CSV is onleesbaar ({reason}). Controleer aanhalingstekens.",
        "{path}, line {line}: malformed CSV ({reason}). Check the quotes.",
    ),
    "column_ignored": (
        "{path}: kolom '{column}' is onbekend en wordt genegeerd.",
        "{path}: unknown column '{column}' is ignored.",
    ),
    "long_without_unit": (
        "{path}: geen kolom 'unit'; alle indicatoren worden als stroomgrootheid (flow) gelezen. Voeg een kolom 'unit' toe of gebruik --unit.",
        "{path}: no 'unit' column; every indicator is read as a flow. Add a 'unit' column or use --unit.",
    ),
    "cell_not_a_number": (
        "{path}, regel {line}, jaar {year}: '{text}' is geen getal. Gebruik Nederlandse notatie (3,6 · 223.449 · 56%) of '-' voor ontbrekend.",
        "{path}, line {line}, year {year}: '{text}' is not a number. Use Dutch notation (3,6 · 223.449 · 56%) or '-' for missing.",
    ),
    "cell_english_notation": (
        "{path}, regel {line}, jaar {year}: '{text}' is Engelse notatie (komma als duizendtalscheiding). Schrijf het Nederlands: punt voor duizendtallen, komma voor decimalen.",
        "{path}, line {line}, year {year}: '{text}' is in English notation (comma grouping thousands). Write it in Dutch: dot for thousands, comma for decimals.",
    ),
    "cell_ambiguous": (
        "{path}, regel {line}, jaar {year}: '{text}' is dubbelzinnig: deze rij gebruikt de punt ook als decimaalteken. Schrijf duizendtallen zonder punt of decimalen met een komma.",
        "{path}, line {line}, year {year}: '{text}' is ambiguous: this row also uses the dot as decimal mark. Write thousands without a dot or decimals with a comma.",
    ),
    "cell_not_finite": (
        "{path}, regel {line}, jaar {year}: '{text}' is te groot om te rekenen.",
        "{path}, line {line}, year {year}: '{text}' is too large to compute with.",
    ),
    "cell_not_machine_number": (
        "{path}, regel {line}, jaar {year}: '{text}' is geen getal in machinenotatie (punt als decimaalteken, geen duizendtalscheiding; leeg voor ontbrekend).",
        "{path}, line {line}, year {year}: '{text}' is not a number in machine notation ('.' as decimal mark, no thousands separator; empty for missing).",
    ),
    "cell_dot_decimal": (
        "{path}, regel {line}, jaar {year}: '{text}' gelezen als {value} (een punt zonder drie cijfers erna kan geen duizendtal zijn). Controleer de bron.",
        "{path}, line {line}, year {year}: '{text}' read as {value} (a dot not followed by three digits cannot group thousands). Check the source.",
    ),
    # --- selection -----------------------------------------------------------------------
    "indicator_unknown": (
        "indicator '{name}' bestaat niet. Zie 'kanaalstats indicators'.",
        "indicator '{name}' does not exist. See 'kanaalstats indicators'.",
    ),
    "indicator_unknown_suggest": (
        "indicator '{name}' bestaat niet. Bedoelde u: {candidates}?",
        "indicator '{name}' does not exist. Did you mean: {candidates}?",
    ),
    "indicator_ambiguous": (
        "'{name}' past bij meerdere indicatoren: {candidates}. Typ meer van het id.",
        "'{name}' matches several indicators: {candidates}. Type more of the id.",
    ),
    "no_entities": (
        "--entity werkt alleen met een paneel (een long-bestand met een kolom 'entity').",
        "--entity only works with a panel (a long file with an 'entity' column).",
    ),
    "entity_unknown": (
        "gebied '{name}' staat niet in de gegevens.",
        "entity '{name}' is not in the data.",
    ),
    "entity_unknown_suggest": (
        "gebied '{name}' staat niet in de gegevens. Bedoelde u: {candidates}?",
        "entity '{name}' is not in the data. Did you mean: {candidates}?",
    ),
    "entity_ambiguous": (
        "'{name}' past bij meerdere gebieden: {candidates}. Typ meer van de naam.",
        "'{name}' matches several entities: {candidates}. Type more of the name.",
    ),
    "check_needs_one_entity": (
        "de gegevens bevatten {count} gebieden; een claimsbestand gaat over één. Kies er één met --entity.",
        "the data holds {count} entities; a claims file is about one. Choose one with --entity.",
    ),
    "parquet_needs_pyarrow": (
        'voor Parquet-bestanden is pyarrow nodig. Installeer het met: pip install "kanaalstats[parquet]"',
        'Parquet files need pyarrow. Install it with: pip install "kanaalstats[parquet]"',
    ),
    "parquet_not_long": (
        "{path}: een Parquet-bestand moet de lange vorm hebben (kolommen indicator, year, value; gevonden: {columns}).",
        "{path}: a Parquet file must be in long form (columns indicator, year, value; found: {columns}).",
    ),
    "parquet_bad_types": (
        "{path}: 'year' moet uit gehele getallen bestaan en 'value' uit getallen.",
        "{path}: 'year' must hold whole numbers and 'value' numbers.",
    ),
    "year_not_in_data": (
        "jaar {year} zit niet in de gegevens ({first}–{last}).",
        "year {year} is not in the data ({first}–{last}).",
    ),
    "years_reversed": (
        "--from ({first}) moet vóór --to ({last}) liggen.",
        "--from ({first}) must come before --to ({last}).",
    ),
    "years_need_both": (
        "geef --from en --to samen op, of geen van beide (dan: opeenvolgende jaren).",
        "give --from and --to together, or neither (then: consecutive years).",
    ),
    "bad_unit_option": (
        "--unit '{value}': schrijf ID=EENHEID met een eenheid uit: {choices}.",
        "--unit '{value}': write ID=UNIT with a unit from: {choices}.",
    ),
    "not_a_flow": (
        "'{id}' is geen stroomgrootheid (eenheid: {unit}); een gemiddelde per dag bestaat alleen voor aantallen per jaar.",
        "'{id}' is not a flow (unit: {unit}); a per-day average exists only for counts over a year.",
    ),
    "share_needs_counts": (
        "'{id}' heeft eenheid {unit}; een aandeel kan alleen van aantallen berekend worden.",
        "'{id}' has unit {unit}; a share can only be computed from counts.",
    ),
    "share_zero_denominator": (
        "aandeel onbepaald: '{id}' is 0 in {years}. Kies een ander jaar of een andere noemer.",
        "share undefined: '{id}' is 0 in {years}. Choose another year or denominator.",
    ),
    "share_zero_some": (
        "aandeel onbepaald in {years}: '{id}' is daar 0.",
        "share undefined in {years}: '{id}' is 0 there.",
    ),
    "daily_skipped": (
        "Geen gemiddelde per dag voor indicatoren die geen stroomgrootheid zijn: {ids}.",
        "No per-day average for indicators that are not flows: {ids}.",
    ),
    "basis_calendar": (
        "Gemiddelde per dag over kalenderdagen (366 in schrikkeljaren).",
        "Per-day averages over calendar days (366 in leap years).",
    ),
    "basis_fixed_365": (
        "Gemiddelde per dag over 365 dagen per jaar (ook in schrikkeljaren).",
        "Per-day averages over 365 days a year (leap years too).",
    ),
    # --- claims file ---------------------------------------------------------------------
    "claims_toml": (
        "{path}: geen geldige TOML: {reason}.",
        "{path}: not valid TOML: {reason}.",
    ),
    "claims_top_level": (
        "{path}: onbekende sectie(s) {value}; een claimsbestand heeft alleen [defaults] en [[claim]].",
        "{path}: unknown section(s) {value}; a claims file has only [defaults] and [[claim]].",
    ),
    "claims_too_deep": (
        "{path}: geen geldige TOML: te diep geneste lijsten of tabellen.",
        "{path}: not valid TOML: lists or tables nested too deeply.",
    ),
    "claims_not_table": (
        "{path}: '{field}' moet een tabel zijn ({form}), geen {value}.",
        "{path}: '{field}' must be a table ({form}), not {value}.",
    ),
    "claims_none": (
        "{path}: geen [[claim]]-blokken gevonden.",
        "{path}: no [[claim]] blocks found.",
    ),
    "claim_duplicate_id": (
        "{path}: claim-id '{id}' komt twee keer voor. Geef elke claim een eigen id.",
        "{path}: claim id '{id}' appears twice. Give each claim its own id.",
    ),
    "claim_missing_field": (
        "{path}, claim '{id}': veld '{field}' ontbreekt.",
        "{path}, claim '{id}': field '{field}' is missing.",
    ),
    "claim_unknown_field": (
        "{path}, claim '{id}': onbekend veld '{field}'. Bedoelde u: {choices}?",
        "{path}, claim '{id}': unknown field '{field}'. Did you mean: {choices}?",
    ),
    "claim_bad_choice": (
        "{path}, claim '{id}', veld '{field}': '{value}' is geen geldige keuze. Kies uit: {choices}.",
        "{path}, claim '{id}', field '{field}': '{value}' is not a valid choice. Choose from: {choices}.",
    ),
    "claim_bad_stated": (
        "{path}, claim '{id}', veld 'stated': '{value}' is geen getal (schrijf bijv. 12, 5.5 of \"5,5\").",
        "{path}, claim '{id}', field 'stated': '{value}' is not a number (write e.g. 12, 5.5 or \"5,5\").",
    ),
    "claim_bad_number": (
        "{path}, claim '{id}', veld '{field}': '{value}' moet een geheel getal van 0 tot en met 15 zijn.",
        "{path}, claim '{id}', field '{field}': '{value}' must be a whole number from 0 to 15.",
    ),
    "claim_bad_tolerance": (
        "{path}, claim '{id}', veld 'tolerance': '{value}' moet een fractie tussen 0 en 1 zijn (0.1 = 10%).",
        "{path}, claim '{id}', field 'tolerance': '{value}' must be a fraction from 0 to 1 (0.1 = 10%).",
    ),
    "claim_unknown_indicator": (
        "{path}, claim '{id}', veld '{field}': indicator '{value}' staat niet in de gegevens. Bedoelde u: {choices}? (Gaat de claim over cijfers die niet in de gegevens staan, zet dan unverifiable = \"reden\".)",
        "{path}, claim '{id}', field '{field}': indicator '{value}' is not in the data. Did you mean: {choices}? (If the claim is about figures the data lacks, set unverifiable = \"reason\".)",
    ),
    "claim_bad_year": (
        "{path}, claim '{id}', veld '{field}': jaar '{value}' zit niet in de gegevens ({first}–{last}).",
        "{path}, claim '{id}', field '{field}': year '{value}' is not in the data ({first}–{last}).",
    ),
    "claim_years_reversed": (
        "{path}, claim '{id}': 'from' ({first}) moet vóór 'to' ({last}) liggen.",
        "{path}, claim '{id}': 'from' ({first}) must come before 'to' ({last}).",
    ),
    "claim_needs_unit": (
        "{path}, claim '{id}', veld '{field}': '{value}' heeft niet de eenheid die deze soort claim nodig heeft ({unit}).",
        "{path}, claim '{id}', field '{field}': '{value}' does not have the unit this kind of claim needs ({unit}).",
    ),
    "reason_missing_value": (
        "een benodigde waarde ontbreekt in de gegevens",
        "a value it needs is missing from the data",
    ),
    "reason_zero_base": ("de basis is 0 of negatief", "the base is 0 or negative"),
    "reason_not_in_data": (
        "de gegevens bevatten dit cijfer niet",
        "the data does not hold this figure",
    ),
    "verdict_consistent": ("klopt", "consistent"),
    "verdict_inconsistent": ("klopt niet", "inconsistent"),
    "verdict_not_verifiable": ("niet te controleren", "not verifiable"),
    "wording_almost": ("bijna", "almost"),
    "wording_over": ("ruim", "over"),
    "wording_about": ("zo'n", "about"),
    "days_calendar": ("kalenderdagen", "calendar days"),
    "days_365": ("365 dagen per jaar", "365 days a year"),
    "check_summary": (
        "{total} claims: {consistent} kloppen, {inconsistent} kloppen niet, {not_verifiable} niet te controleren. Benaderende formuleringen (bijna, ruim, zo'n) laten standaard {tolerance}% speling.",
        "{total} claims: {consistent} consistent, {inconsistent} inconsistent, {not_verifiable} not verifiable. Approximate wording (almost, over, about) allows {tolerance}% by default.",
    ),
    "stated_means": ("genoemd betekent {low} – {high}", "stated means {low} – {high}"),
    "kind_value": ("waarde", "value"),
    "kind_change": ("verschil", "change"),
    "kind_pp_change": ("verschil in procentpunten", "change in percentage points"),
    "kind_growth": ("groei", "growth"),
    "kind_cagr": ("groei per jaar", "growth a year"),
    "kind_per_day": ("per dag", "per day"),
    "kind_per_day_change": ("verschil per dag", "change per day"),
    "kind_share": ("aandeel", "share"),
    "title_report": ("Samenvatting", "Summary"),
    "col_sentence": ("Zin", "Sentence"),
    "title_trend": ("Verloop", "Trend"),
    "col_trend": ("Verloop", "Trend"),
    "col_first": ("Eerste", "First"),
    "col_last": ("Laatste", "Last"),
    "plot_format": (
        "{path}: een grafiek kan alleen als {choices} geschreven worden.",
        "{path}: a chart can only be written as {choices}.",
    ),
    "plot_needs_matplotlib": (
        'voor --plot is matplotlib nodig. Installeer het met: pip install "kanaalstats[plot]"',
        '--plot needs matplotlib. Install it with: pip install "kanaalstats[plot]"',
    ),
    "plot_written": (
        "grafiek geschreven naar {path} ({panels} panelen).",
        "chart written to {path} ({panels} panels).",
    ),
    "title_check": ("Controle van de claims", "Claims check"),
    "col_claim": ("Claim", "Claim"),
    "col_kind": ("Soort", "Kind"),
    "col_inputs": ("Gegevens", "Data"),
    "col_stated": ("Genoemd", "Stated"),
    "col_computed": ("Berekend", "Computed"),
    "col_range": ("Mogelijk bereik", "Possible range"),
    "col_verdict": ("Oordeel", "Verdict"),
    "col_reason": ("Toelichting", "Explanation"),
    "interrupted": ("Afgebroken.", "Interrupted."),
    "unexpected": (
        "onverwachte fout: {error}. Draai opnieuw met --debug en meld dit als fout.",
        "unexpected error: {error}. Run again with --debug and report this as a bug.",
    ),
    "error_prefix": ("fout", "error"),
    "warning_prefix": ("waarschuwing", "warning"),
    # --- report sentences ----------------------------------------------------------------
    # A sentence is a subject and a predicate built from these clauses; text.sentences joins
    # the clauses with ": ", "; ", ", " and "(…)" and ends the sentence with a full stop.
    # Subjects made from a label. After a leading "%" the English keeps the rest of the label
    # as written, space included ("% bellers" → "The percentage bellers").
    "sentence_subject_the": ("Het {label}", "The {label}"),
    "sentence_subject_percentage": ("Het percentage {rest}", "The percentage{rest}"),
    "sentence_subject_number_of": ("Het aantal {label}", "The number of {label}"),
    "sentence_millions": ("{number} miljoen", "{number} million"),
    "sentence_no_figure": (
        "voor {year} is geen cijfer beschikbaar",
        "no figure is available for {year}",
    ),
    # Only this year has a figure; {which} is a year or sentence_year_before.
    "sentence_was": ("was in {year} {level}", "was {level} in {year}"),
    "sentence_was_heading": ("{level} in {year}", "{level} in {year}"),
    "sentence_no_previous": (
        "voor {which} is geen cijfer beschikbaar, dus geen verandering",
        "no figure is available for {which}, so no change can be given",
    ),
    "sentence_year_before": ("het jaar ervoor", "the year before"),
    # Both years have a figure; the _heading forms follow "Label: ".
    "sentence_up": ("is in {year} toegenomen tot {level}", "increased to {level} in {year}"),
    "sentence_up_heading": ("in {year} toegenomen tot {level}", "increased to {level} in {year}"),
    "sentence_down": ("is in {year} afgenomen tot {level}", "decreased to {level} in {year}"),
    "sentence_down_heading": ("in {year} afgenomen tot {level}", "decreased to {level} in {year}"),
    "sentence_same": (
        "is in {year} gelijk gebleven op {level}",
        "remained unchanged at {level} in {year}",
    ),
    "sentence_same_heading": (
        "in {year} gelijk gebleven op {level}",
        "unchanged at {level} in {year}",
    ),
    "sentence_more": ("{amount} meer dan in {before}", "{amount} more than in {before}"),
    "sentence_less": ("{amount} minder dan in {before}", "{amount} less than in {before}"),
    "sentence_point": ("{points} procentpunt", "{points} percentage point"),
    "sentence_points": ("{points} procentpunt", "{points} percentage points"),
    "sentence_from_zero": (
        "in {before}: {previous}; een procentuele verandering vanaf 0 bestaat niet",
        "in {before}: {previous}; there is no percentage change from 0",
    ),
    "sentence_per_day": ("Dat is gemiddeld {today} per dag", "That is {today} a day on average"),
    "sentence_per_day_before": (
        "tegen {before} per dag in {year}",
        "against {before} a day in {year}",
    ),
    # --- notes on figures -----------------------------------------------------------------
    "note_missing_value": ("ontbreekt", "missing"),
    "note_zero_base": ("basis is 0", "base is 0"),
    "note_negative_base": ("basis negatief", "negative base"),
    "note_too_large": ("te groot om te berekenen", "too large to compute"),
    # --- titles and column headers ---------------------------------------------------------
    "title_table": ("Kerncijfers", "Key figures"),
    "title_indicators": ("Indicatoren", "Indicators"),
    "title_growth": ("Groei", "Growth"),
    "title_daily": ("Gemiddelde per dag", "Average per day"),
    "title_share": ("Aandeel", "Share"),
    "col_indicator": ("Indicator", "Indicator"),
    "col_entity": ("Gebied", "Entity"),
    "col_id": ("Id", "Id"),
    "col_label": ("Omschrijving", "Description"),
    "col_unit": ("Eenheid", "Unit"),
    "col_years": ("Jaren", "Years"),
    "col_origin": ("Bestand", "File"),
    "col_from_year": ("Van", "From"),
    "col_to_year": ("Tot", "To"),
    "col_from_value": ("Waarde van", "Value from"),
    "col_to_value": ("Waarde tot", "Value to"),
    "col_change": ("Verschil", "Change"),
    "col_change_pct": ("Groei", "Growth"),
    "col_cagr_pct": ("Groei per jaar", "Growth a year"),
    "col_note": ("Opmerking", "Note"),
    "col_year": ("Jaar", "Year"),
    "col_value": ("Waarde", "Value"),
    "col_days": ("Dagen", "Days"),
    "col_per_day": ("Per dag", "Per day"),
    "col_numerator": ("Teller", "Numerator"),
    "col_denominator": ("Noemer", "Denominator"),
    "col_share_pct": ("Aandeel", "Share"),
    "source_prefix": ("Bron", "Source"),
    "unit_flow": ("aantal per jaar", "count per year"),
    "unit_flow_millions": ("miljoenen per jaar", "millions per year"),
    "unit_stock": ("stand", "level"),
    "unit_stock_millions": ("stand in miljoenen", "level in millions"),
    "unit_percent": ("procent", "percent"),
    "unit_score": ("score", "score"),
    "millions_suffix": ("mln", "mn"),
    "rows_cut": (
        "Hier staan de eerste {shown} van {total} rijen; --format csv of --format markdown geeft ze allemaal.",
        "These are the first {shown} of {total} rows; --format csv or --format markdown gives them all.",
    ),
    "in_entity": (" (gebied {entity})", " (entity {entity})"),
    "decimal_mark": (",", "."),
    "line_at": ("regel {line}", "line {line}"),
}


def text(key: str, lang: str, **params: Any) -> str:
    """The message in `lang` ('nl' or 'en') with its placeholders filled."""
    dutch, english = CATALOGUE[key]
    template = english if lang == "en" else dutch
    return template.format(**params) if params else template


def say(message: Message, lang: str) -> str:
    """A message of the library, in `lang`; a message about a line of a panel names the
    line's entity after the line."""
    said = text(message.key, lang, **message.params)
    entity = message.params.get("entity")
    line = message.params.get("line")
    if entity and line is not None and "{entity}" not in CATALOGUE[message.key][0]:
        place = text("line_at", lang, line=line)
        if place in said:
            return said.replace(place, place + text("in_entity", lang, entity=entity), 1)
    return said
