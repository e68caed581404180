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
    "file_mixed_encoding": (
        "{path}: het bestand mengt twee tekencoderingen (regel {utf8_line} is UTF-8, regel {other_line} Windows-1252). Sla het bestand in één keer op als CSV in UTF-8.",
        "{path}: the file mixes two text encodings (line {utf8_line} is UTF-8, line {other_line} Windows-1252). Save the whole file as CSV in UTF-8.",
    ),
    "file_is_binary": (
        "{path}: dit is geen tekstbestand. Sla de tabel op als CSV (UTF-8).",
        "{path}: this is not a text file. Save the table as CSV (UTF-8).",
    ),
    "file_is_workbook": (
        "{path}: dit is een Excel-werkmap, geen CSV. Geef het bestand de naam .xlsx, of kies in Excel 'Opslaan als' > 'CSV UTF-8'.",
        "{path}: this is an Excel workbook, not CSV. Name the file .xlsx, or in Excel use 'Save as' > 'CSV UTF-8'.",
    ),
    "workbook_formula_uncached": (
        "{path}, cel {cell}: een formule zonder opgeslagen uitkomst. Open de werkmap in Excel en sla hem op, zodat de uitkomst erin staat.",
        "{path}, cell {cell}: a formula without a saved result. Open the workbook in Excel and save it, so that the result is stored.",
    ),
    "workbook_cell_type": (
        "{path}, cel {cell}: '{text}' is een datum of ja/nee-waarde, geen getal of tekst.",
        "{path}, cell {cell}: '{text}' is a date or a yes/no value, not a number or text.",
    ),
    "sheet_unknown": (
        "{path}: de werkmap heeft geen blad '{sheet}'. Bladen: {sheets}.",
        "{path}: the workbook has no sheet '{sheet}'. Sheets: {sheets}.",
    ),
    "xlsx_needs_openpyxl": (
        "Een Excel-werkmap lezen vraagt openpyxl: pip install openpyxl.",
        "Reading an Excel workbook needs openpyxl: pip install openpyxl.",
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
        "{path}, regel {line}: geen kolommen met een jaartal gevonden. Zet de jaren in de kop na het label (;2016;2017;...) of in de eerste kolom, één rij per jaar (Jaar;aanvragen / 2016;...). Een tabel met gebieden als kolommen hoort in de lange vorm (entity,indicator,year,value).",
        "{path}, line {line}: no year columns found. Put the years in the header after the label (;2016;2017;...) or in the first column, one row per year (Year;requests / 2016;...). A table with areas as columns belongs in the long form (entity,indicator,year,value).",
    ),
    "header_not_year": (
        "{path}, regel {line}, kolom {column}: kop '{value}' is geen jaartal. Elke kolom na het label moet een jaar van 1800 tot 2100 zijn (bijv. 2019), of zet de jaren in de eerste kolom, één rij per jaar.",
        "{path}, line {line}, column {column}: header '{value}' is not a year. Every column after the label must be a year from 1800 to 2100 (e.g. 2019), or put the years in the first column, one row per year.",
    ),
    "header_years_order": (
        "{path}, regel {line}: de jaren in de kop lopen niet op ({found}). Gelezen worden: hele jaren van 1800 tot 2100 in de kop na het label, elk één keer en oplopend (;2017;2018;2019), of de jaren in de eerste kolom, één rij per jaar (Jaar;aanvragen / 2017;...). Zet de kolommen op volgorde.",
        "{path}, line {line}: the years in the header do not increase ({found}). Read are: whole years from 1800 to 2100 in the header after the label, each once and increasing (;2017;2018;2019), or the years in the first column, one row per year (Year;requests / 2017;...). Put the columns in order.",
    ),
    "header_year_twice": (
        "{path}, regel {line}: jaar {year} staat twee keer in de kop ({found}). Gelezen worden: hele jaren van 1800 tot 2100 in de kop na het label, elk één keer en oplopend (;2017;2018;2019), of de jaren in de eerste kolom, één rij per jaar (Jaar;aanvragen / 2017;...). Verwijder of hernoem één kolom.",
        "{path}, line {line}: year {year} appears twice in the header ({found}). Read are: whole years from 1800 to 2100 in the header after the label, each once and increasing (;2017;2018;2019), or the years in the first column, one row per year (Year;requests / 2017;...). Remove or rename one column.",
    ),
    "second_header": (
        "{path}, regel {line}: een tweede kop met andere jaren ({found}) dan de eerste ({years}). Zet elke tabel in een eigen bestand.",
        "{path}, line {line}: a second header with other years ({found}) than the first ({years}). Put each table in a file of its own.",
    ),
    "years_provisional": (
        "{path}: de cijfers van {years} zijn voorlopig (gemarkeerd met *).",
        "{path}: the figures for {years} are provisional (marked with *).",
    ),
    "column_without_label": (
        "{path}, regel {line}, kolom {column}: de kolom heeft geen naam. Geef elke kolom na de jaren een indicatornaam.",
        "{path}, line {line}, column {column}: the column has no name. Give every column after the years an indicator name.",
    ),
    "row_not_year": (
        "{path}, regel {line}: '{value}' is geen jaartal. In een tabel met de jaren in de eerste kolom begint elke rij met een jaar van 1800 tot 2100.",
        "{path}, line {line}: '{value}' is not a year. In a table with the years in the first column, every row starts with a year from 1800 to 2100.",
    ),
    "duplicate_year_row": (
        "{path}, regel {line}: jaar {year} staat al in een eerdere rij. Verwijder of verbeter één van de twee.",
        "{path}, line {line}: year {year} already has a row above. Remove or correct one of them.",
    ),
    "row_too_short_down": (
        "{path}, regel {line}: de rij heeft {cells} waarden, de kop {columns} indicatoren. Vul ontbrekende waarden aan met '-'.",
        "{path}, line {line}: the row has {cells} values but the header {columns} indicators. Fill missing values with '-'.",
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
    "provisional_not_per_year": (
        "{path}: de kolom 'provisional' zegt dat {ids} een voorlopig cijfer heeft, maar niet van welk jaar; de cijfers worden als definitief gelezen. Lees de oorspronkelijke tabel (met 2020* of 1.300*) om dat te behouden.",
        "{path}: the column 'provisional' says {ids} has a provisional figure, but not for which year; the figures are read as final. Read the original table (with 2020* or 1.300*) to keep that.",
    ),
    "column_ignored": (
        "{path}: kolom '{column}' is onbekend en wordt genegeerd.",
        "{path}: unknown column '{column}' is ignored.",
    ),
    "long_cell_ambiguous": (
        "{path}, regel {line}: '{text}' is dubbelzinnig: in een bestand met ';' tussen de velden kan de punt duizendtallen scheiden. Schrijf duizendtallen zonder punt, of zet ',' tussen de velden.",
        "{path}, line {line}: '{text}' is ambiguous: in a file with ';' between fields the dot may group thousands. Write thousands without a dot, or put ',' between the fields.",
    ),
    "long_dot_groups_read": (
        "{path}, regel {line}: '{text}' gelezen als decimaal getal, omdat het bestand de punt als decimaalteken gebruikt (regel {other_line}: '{other}').",
        "{path}, line {line}: '{text}' read as a decimal number, as the file uses the dot as decimal mark (line {other_line}: '{other}').",
    ),
    "unit_guessed": (
        "{path}: de eenheid van {ids} is geraden (aantal per jaar), want het label zegt het niet. Klopt dat niet, geef dan bijvoorbeeld --unit {example}=stock (of score, percent).",
        "{path}: the unit of {ids} is a guess (a yearly count), as the label does not tell. If that is wrong, give for example --unit {example}=stock (or score, percent).",
    ),
    "cbs_no_topics": (
        "{path}, regel {line}: een CBS-tabel zonder onderwerpen: naast ID, de regio en Perioden staat geen kolom.",
        "{path}, line {line}: a CBS table without topics: there is no column besides ID, the region and Perioden.",
    ),
    "cbs_bad_period": (
        "{path}, regel {line}: '{value}' is geen CBS-periode (zoals 2019JJ00).",
        "{path}, line {line}: '{value}' is not a CBS period (such as 2019JJ00).",
    ),
    "cbs_bad_region": (
        "{path}, regel {line}: '{value}' is geen CBS-regiocode (zoals GM0344, WK034401 of BU03440101).",
        "{path}, line {line}: '{value}' is not a CBS region code (such as GM0344, WK034401 or BU03440101).",
    ),
    "cbs_bad_value": (
        "{path}, regel {line}, kolom {column}: '{text}' is geen getal. CBS schrijft getallen met een punt als decimaalteken, '.' voor onbekend, 'x' voor geheim en '-' voor nihil.",
        "{path}, line {line}, column {column}: '{text}' is not a number. CBS writes numbers with a dot as decimal mark, '.' for unknown, 'x' for secret and '-' for nil.",
    ),
    "cbs_duplicate": (
        "{path}, regel {line}: {entity} in {year} staat er al (regel {first}). Laat één rij per regio en jaar staan.",
        "{path}, line {line}: {entity} in {year} already appears (line {first}). Keep one row per region and year.",
    ),
    "cbs_row_width": (
        "{path}, regel {line}: de rij heeft {cells} cellen, de kop {columns}.",
        "{path}, line {line}: the row has {cells} cells, the header {columns}.",
    ),
    "regions_bad_header": (
        "{path}, regel {line}: geen regiolijst van het CBS: de kop moet een kolom Key (of Identifier) met de regiocodes en een kolom Title met de namen hebben, maar heeft {columns}.",
        "{path}, line {line}: not a CBS region list: the header must have a column Key (or Identifier) with the region codes and a column Title with the names, but has {columns}.",
    ),
    "regions_duplicate": (
        "{path}, regel {line}: regiocode {code} staat er al (regel {first}). Laat één naam per code staan.",
        "{path}, line {line}: region code {code} already appears (line {first}). Keep one name per code.",
    ),
    "regions_unnamed": (
        "{path}: {count} regiocode(s) zonder naam in {regions} (zoals {codes}); die regio's worden met hun code getoond.",
        "{path}: {count} region code(s) without a name in {regions} (such as {codes}); those regions are shown by their code.",
    ),
    "regions_beside": (
        "{path}: regionamen uit {regions} (ernaast gevonden).",
        "{path}: region names from {regions} (found beside it).",
    ),
    "regions_unused": (
        "--regions {regions}: geen van de bestanden is een CBS-tabel met regiocodes; de regiolijst is niet gebruikt.",
        "--regions {regions}: none of the files is a CBS table with region codes; the region list was not used.",
    ),
    "cbs_periods_left_out": (
        "{path}: perioden van een maand of kwartaal weggelaten ({count}, zoals {periods}); alleen hele jaren (JJ00) worden gelezen.",
        "{path}: periods of a month or quarter left out ({count}, such as {periods}); only whole years (JJ00) are read.",
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
        "{path}, regel {line}, jaar {year}: '{text}' is dubbelzinnig: dit bestand gebruikt de punt ook als decimaalteken (regel {other_line}: '{other}'). Schrijf duizendtallen zonder punt of decimalen met een komma.",
        "{path}, line {line}, year {year}: '{text}' is ambiguous: this file also uses the dot as decimal mark (line {other_line}: '{other}'). Write thousands without a dot or decimals with a comma.",
    ),
    "cell_not_finite": (
        "{path}, regel {line}, jaar {year}: '{text}' is te groot om te rekenen.",
        "{path}, line {line}, year {year}: '{text}' is too large to compute with.",
    ),
    "cell_not_machine_number": (
        "{path}, regel {line}, jaar {year}: '{text}' is geen getal in machinenotatie (punt als decimaalteken, geen duizendtalscheiding; leeg voor ontbrekend).",
        "{path}, line {line}, year {year}: '{text}' is not a number in machine notation ('.' as decimal mark, no thousands separator; empty for missing).",
    ),
    "cell_provisional": (
        "{path}, regel {line}, jaar {year}: '{text}' is als voorlopig gemarkeerd (*); gelezen als het getal ervoor.",
        "{path}, line {line}, year {year}: '{text}' is marked provisional (*); read as the number before the mark.",
    ),
    "cell_imprecise": (
        "{path}, regel {line}, jaar {year}: '{text}' is groter dan 2^53 en kan niet tot op de eenheid precies worden bewaard; de laatste cijfers kunnen afwijken.",
        "{path}, line {line}, year {year}: '{text}' is larger than 2^53 and cannot be kept exact to the unit; its last digits may differ.",
    ),
    "cell_zero_group": (
        "{path}, regel {line}, jaar {year}: '{text}' gelezen als {value} (een groep die met 0 begint kan geen duizendtal zijn). Controleer de bron.",
        "{path}, line {line}, year {year}: '{text}' read as {value} (a group that starts with 0 cannot be thousands). Check the source.",
    ),
    "cell_dot_decimal": (
        "{path}, regel {line}, jaar {year}: '{text}' gelezen als {value} (een punt zonder drie cijfers erna kan geen duizendtal zijn). Controleer de bron.",
        "{path}, line {line}, year {year}: '{text}' read as {value} (a dot not followed by three digits cannot group thousands). Check the source.",
    ),
    # --- selection -----------------------------------------------------------------------
    "indicator_unknown": (
        "indicator '{name}' bestaat niet. Kies uit: {candidates}{more}.",
        "indicator '{name}' does not exist. Choose from: {candidates}{more}.",
    ),
    "indicator_unknown_suggest": (
        "indicator '{name}' bestaat niet. Bedoelde u: {candidates}?",
        "indicator '{name}' does not exist. Did you mean: {candidates}?",
    ),
    "indicator_more": (
        " en nog {count} (zie 'kanaalstats indicators')",
        " and {count} more (see 'kanaalstats indicators')",
    ),
    "entity_more": (" en nog {count}", " and {count} more"),
    "indicator_ambiguous": (
        "'{name}' past bij meerdere indicatoren: {candidates}. Typ meer van het id.",
        "'{name}' matches several indicators: {candidates}. Type more of the id.",
    ),
    "no_entities": (
        "--entity werkt alleen met een paneel (een long-bestand met een kolom 'entity').",
        "--entity only works with a panel (a long file with an 'entity' column).",
    ),
    "entity_unknown": (
        "gebied '{name}' staat niet in de gegevens. Kies uit: {candidates}{more}.",
        "entity '{name}' is not in the data. Choose from: {candidates}{more}.",
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
        "{path}: 'year' moet uit gehele getallen bestaan en 'value' uit getallen (geen ja/nee-waarden).",
        "{path}: 'year' must hold whole numbers and 'value' numbers (not yes/no values).",
    ),
    "format_contradicts_extension": (
        "--format {fmt} past niet bij {path}: die extensie hoort bij --format {implied}. Kies een andere bestandsnaam of een ander formaat.",
        "--format {fmt} does not match {path}: that extension means --format {implied}. Choose another file name or format.",
    ),
    "format_unknown_extension": (
        "{path}: aan de bestandsnaam is niet te zien welk formaat bedoeld is. Geef een extensie ({extensions}) of kies het formaat met --format.",
        "{path}: the file name does not say which format to write. Give an extension ({extensions}) or choose the format with --format.",
    ),
    "format_environment_unknown": (
        "KANAALSTATS_FORMAT='{value}' is geen formaat. Kies uit: {choices}.",
        "KANAALSTATS_FORMAT='{value}' is not a format. Choose from: {choices}.",
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
    "report_year_last": (
        "Samenvatting van {year}, het laatste jaar in de gegevens ({count} van de {total} {what} hebben er een cijfer).",
        "Summary of {year}, the last year in the data ({count} of the {total} {what} have a figure for it).",
    ),
    "report_year_most": (
        "Samenvatting van {year}: het laatste jaar waarin de meeste {what} een cijfer hebben ({count} van de {total}, tegen {last_count} van de {total} in {last}). Kies een ander jaar met --year.",
        "Summary of {year}: the last year in which most {what} have a figure ({count} of the {total}, against {last_count} of the {total} in {last}). Choose another year with --year.",
    ),
    "report_year_fewer": (
        "Samenvatting van {year}: in geen enkel jaar heeft de meerderheid van de {total} {what} een cijfer; {year} heeft er de meeste ({count} van de {total}). Kies een ander jaar met --year.",
        "Summary of {year}: no year has a figure for most of the {total} {what}; {year} has the most ({count} of the {total}). Choose another year with --year.",
    ),
    "report_indicators": ("indicatoren", "indicators"),
    "report_series": ("reeksen van gebied en indicator", "series of entity and indicator"),
    "basis_working": (
        "Gemiddelde per werkdag: maandag tot en met vrijdag, zonder de nationale feestdagen (Bevrijdingsdag in lustrumjaren).",
        "Per-day averages over working days: Monday to Friday, without the Dutch public holidays (Liberation Day in lustrum years).",
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
    "days_werkdagen": ("werkdagen", "working days"),
    "check_summary": (
        "{total} claims: {consistent} kloppen, {inconsistent} kloppen niet, {not_verifiable} niet te controleren. Bijna, ruim en zo'n rekken een getal op tot zijn eigen afronding (bijna 6.200 is 6.100–6.200); hele aantallen in de tabel zijn exact.",
        "{total} claims: {consistent} consistent, {inconsistent} inconsistent, {not_verifiable} not verifiable. Almost, over and about stretch a figure as far as its own rounding (almost 6,200 is 6,100–6,200); whole counts in the table are exact.",
    ),
    "write_claims_needs_text": (
        "--write-claims schrijft wat --text vindt: geef ook --text RAPPORT.",
        "--write-claims writes what --text finds: give --text REPORT as well.",
    ),
    "stdin_twice": (
        "standaardinvoer kan maar één bestand zijn: geef de tabel (--data) of de tekst (--text) als bestand.",
        "standard input can be one file only: give the table (--data) or the text (--text) as a file.",
    ),
    "file_written": ("{path} geschreven.", "{path} written."),
    "check_needs_claims": (
        "check met eigen gegevens (--data) heeft de claims over die gegevens nodig: geef --claims CLAIMS.toml of --text RAPPORT (.txt, .md, .html, .docx).",
        "check with your own data (--data) needs the claims about that data: give --claims CLAIMS.toml or --text REPORT (.txt, .md, .html, .docx).",
    ),
    "claim_ambiguous_indicator": (
        "{path}, claim '{id}', veld '{field}': '{value}' is het begin van meer dan één indicator ({choices}). Schrijf de id voluit.",
        "{path}, claim '{id}', field '{field}': '{value}' starts more than one indicator ({choices}). Write the id in full.",
    ),
    "text_not_a_report": (
        "{path}: dit is een zip-bestand maar geen .docx. Geef de tekst als .txt, .md, .html of .docx.",
        "{path}: this is a zip file but not a .docx. Give the text as .txt, .md, .html or .docx.",
    ),
    "text_bad_docx": (
        "{path}: dit Word-bestand is beschadigd of heeft geen word/document.xml. Sla het opnieuw op als .docx.",
        "{path}: this Word file is damaged or has no word/document.xml. Save it again as .docx.",
    ),
    "text_too_large": (
        "{path}: de tekst is groter dan {limit} MB; dat is geen rapporttekst.",
        "{path}: the text is larger than {limit} MB; that is not a report's text.",
    ),
    "text_seems_english": (
        "{path}: de tekst lijkt Engels; check --text leest alleen Nederlandse tekst. Geef de Nederlandse versie (kanaalstats report zonder --lang en) of schrijf de claims in een claimsbestand (--claims).",
        "{path}: the text seems to be English; check --text reads Dutch text only. Give the Dutch version (kanaalstats report without --lang en) or write the claims in a claims file (--claims).",
    ),
    "reason_not_linked": (
        "niet gekoppeld aan de tabel",
        "not linked to the table",
    ),
    "link_no_indicator": (
        "geen indicator in de tabel past bij de woorden van de zin",
        "no indicator of the table fits the sentence's words",
    ),
    "link_ambiguous": (
        "meer dan één indicator past even goed: {candidates}",
        "more than one indicator fits as well: {candidates}",
    ),
    "link_narrower": (
        "de zin gaat over '{name}', dat in geen label van de tabel staat (dichtstbij: {indicator})",
        "the sentence is about '{name}', which no label of the table names (closest: {indicator})",
    ),
    "link_counts_other": (
        "het getal telt '{noun}', dat in geen label staat",
        "the number counts '{noun}', which no label names",
    ),
    "link_share_part": (
        "een aandeel van {whole}, maar geen indicator in de tabel past bij het deel dat de zin noemt",
        "a share of {whole}, but no indicator of the table fits the part the sentence names",
    ),
    "link_no_years": (
        "de tabel heeft niet de jaren die de zin nodig heeft",
        "the table lacks the years the sentence needs",
    ),
    "link_year_outside": (
        "jaar {year} zit niet in de tabel ({first}–{last})",
        "year {year} is not in the table ({first}–{last})",
    ),
    "against_direction": (
        "de gegevens gaan de andere kant op ({years})",
        "the data goes the other way ({years})",
    ),
    "against_trend": ("tegen de richting in: {years}", "against the direction: {years}"),
    "against_comparison": ("geldt niet tegenover {years}", "does not hold against {years}"),
    "stated_up": ("omhoog", "up"),
    "stated_down": ("omlaag", "down"),
    "stated_same": ("gelijk", "the same"),
    "stated_higher": ("hoger", "higher"),
    "stated_lower": ("lager", "lower"),
    "kind_direction": ("richting", "direction"),
    "kind_trend": ("verloop", "trend"),
    "kind_comparison": ("vergelijking", "comparison"),
    "kind_identity": ("rekenregel", "identity"),
    "kind_ranking": ("rangorde", "ranking"),
    "stated_most_up": ("de sterkste stijging", "the largest rise"),
    "stated_most_down": ("de sterkste daling", "the largest fall"),
    "against_ranking": ("sterker bij: {years}", "stronger for: {years}"),
    "stated_identity": ("som van de delen", "sum of the parts"),
    "kind_first_since": ("voor het eerst sinds", "first since"),
    "kind_level_ranking": ("rangorde niveau", "ranking of levels"),
    "stated_highest": ("het hoogst", "the highest"),
    "stated_lowest": ("het laagst", "the lowest"),
    "stated_first_up": ("voor het eerst omhoog", "up for the first time"),
    "stated_first_down": ("voor het eerst omlaag", "down for the first time"),
    "against_first_since": ("klopt niet voor: {years}", "does not hold for: {years}"),
    "against_level_ranking": ("verder bij: {years}", "further for: {years}"),
    "degree_slight": (
        "iets: een verandering van minder dan {limit}; berekend {change}",
        "slightly: a change of less than {limit}; computed {change}",
    ),
    "degree_strong": (
        "sterk: een verandering van minstens {limit}; berekend {change}",
        "strongly: a change of at least {limit}; computed {change}",
    ),
    "against_identity": ("klopt niet in {years}", "does not hold in {years}"),
    "claim_bad_parts": (
        "{path}, claim '{id}', veld '{field}': '{value}' is geen lijst van indicatoren, zoals parts = [\"instroom\", \"-uitstroom\"].",
        "{path}, claim '{id}', field '{field}': '{value}' is not a list of indicators, such as parts = [\"inflow\", \"-outflow\"].",
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
    "html_only_report": (
        "--format html maakt een pagina van 'report'; '{command}' heeft geen pagina. Kies table, csv, json of markdown.",
        "--format html makes a page of 'report'; '{command}' has no page. Choose table, csv, json or markdown.",
    ),
    "page_title": ("Kerncijfers en samenvatting {year}", "Key figures and summary {year}"),
    "page_checks": (
        "Controle van de eigen zinnen: {total} cijfers, {consistent} kloppen, {inconsistent} kloppen niet, {not_verifiable} niet te controleren",
        "Check of the page's own sentences: {total} figures, {consistent} consistent, {inconsistent} inconsistent, {not_verifiable} not verifiable",
    ),
    "plot_too_many_entities": (
        "de gegevens bevatten {count} gebieden; een grafiek toont er hoogstens {most} als aparte lijnen. Kies ze met --entity.",
        "the data holds {count} entities; a chart shows at most {most} as separate lines. Choose them with --entity.",
    ),
    "chart_title": ("Verloop van de kerncijfers, {years}", "Key figures over time, {years}"),
    "chart_edition": ("editie {year}", "edition {year}"),
    "chart_axis_cut": ("as niet vanaf 0", "axis not from 0"),
    "plot_written_one": (
        "grafiek geschreven naar {path} (1 paneel).",
        "chart written to {path} (1 panel).",
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
    # --- the command line: usage errors -------------------------------------------------
    "usage_unknown_command": (
        "onbekende opdracht '{name}'. Kies uit: {choices}.",
        "unknown command '{name}'. Choose from: {choices}.",
    ),
    "usage_unknown_command_suggest": (
        "onbekende opdracht '{name}'. Bedoelde u: {candidates}? Kies uit: {choices}.",
        "unknown command '{name}'. Did you mean: {candidates}? Choose from: {choices}.",
    ),
    "usage_missing_command": (
        "geef een opdracht: {choices}.",
        "give a command: {choices}.",
    ),
    "usage_unknown_option": (
        "onbekende optie '{name}' bij '{command}'. Geldige opties: {choices}.",
        "unknown option '{name}' for '{command}'. Valid options: {choices}.",
    ),
    "usage_unknown_option_suggest": (
        "onbekende optie '{name}' bij '{command}'. Bedoelde u: {candidates}?",
        "unknown option '{name}' for '{command}'. Did you mean: {candidates}?",
    ),
    "usage_bad_choice": (
        "'{value}' is geen geldige keuze voor {option}. Kies uit: {choices}.",
        "'{value}' is not a valid choice for {option}. Choose from: {choices}.",
    ),
    "usage_not_whole_number": (
        "{option} moet een geheel getal zijn (bijvoorbeeld 2019), niet '{value}'.",
        "{option} must be a whole number (for example 2019), not '{value}'.",
    ),
    "usage_bad_value": (
        "'{value}' is geen geldige waarde voor {option}.",
        "'{value}' is not a valid value for {option}.",
    ),
    "usage_missing_argument": (
        "'{command}' mist het argument {name}. Zie '{command} --help'.",
        "'{command}' is missing the argument {name}. See '{command} --help'.",
    ),
    "usage_needs_value": (
        "optie {name} heeft een waarde nodig.",
        "option {name} needs a value.",
    ),
    "usage_takes_no_value": (
        "bij optie {name} hoort geen waarde.",
        "option {name} does not take a value.",
    ),
    "usage_extra_arguments": (
        "'{command}' kent geen argument(en) {words}. Zie '{command} --help'.",
        "'{command}' takes no argument(s) {words}. See '{command} --help'.",
    ),
    "usage_other": ("{message}", "{message}"),
    # --- the command line: help ----------------------------------------------------------
    # Commands: the first paragraph is the line in the list of commands.
    "help_main": (
        "Bereken, toon en controleer de afgeleide cijfers van een tabel met kerncijfers.\n\nVoorbeeld: kanaalstats growth digitale_aanvragen --from 2018 --to 2019",
        "Compute, print and check the derived figures of a key-figures table (kerncijfers).\n\nExample: kanaalstats growth digitale_aanvragen --from 2018 --to 2019",
    ),
    "help_table": (
        "De tabel met kerncijfers zoals gepubliceerd: indicatoren × jaren, eenheden en voetnoten.\n\nVoorbeeld: kanaalstats table --lang en",
        "The key-figures table as published: indicators × years, units and footnotes.\n\nExample: kanaalstats table --lang en",
    ),
    "help_indicators": (
        "De indicatoren: id, label, eenheid en de jaren met een waarde.\n\nVoorbeeld: kanaalstats indicators --format csv",
        "List the indicators: id, label, unit and the years with a value.\n\nExample: kanaalstats indicators --format csv",
    ),
    "help_growth": (
        "Verandering per indicator: absoluut, relatief (%), in procentpunten voor percentages, en de gemiddelde jaarlijkse groei (CAGR).\n\nTussen opeenvolgende jaren, of tussen --from en --to.\n\nVoorbeeld: kanaalstats growth digitale_aanvragen --from 2016 --to 2019",
        "Change per indicator: absolute, relative (%), percentage points for percentages, CAGR.\n\nBetween consecutive years by default, or between --from and --to.\n\nExample: kanaalstats growth digitale_aanvragen --from 2016 --to 2019",
    ),
    "help_daily": (
        "Gemiddelde per dag van stroomgrootheden (aantallen per jaar), miljoenen omgerekend naar eenheden.\n\nVoorbeeld: kanaalstats daily emails_kcc --year 2019 --days 365",
        "Average per day of flow indicators (events over a year), millions converted to units.\n\nExample: kanaalstats daily emails_kcc --year 2019 --days 365",
    ),
    "help_share": (
        "Aandeel van de ene indicator in de andere, per jaar, in %.\n\nVoorbeeld: kanaalstats share meldingen_openbare_ruimte digitale_aanvragen --year 2019",
        "Share of one indicator in another, per year, in %.\n\nExample: kanaalstats share meldingen_openbare_ruimte digitale_aanvragen --year 2019",
    ),
    "help_report": (
        "Samenvattende zinnen over een jaar: niveau, richting, verandering, gemiddelde per dag. Standaardjaar: het laatste jaar waarin de meeste indicatoren een cijfer hebben.\n\nVoorbeeld: kanaalstats report --year 2019 --lang en",
        "Summary sentences for a year: level, direction, change, per-day average. Default year: the last year in which most indicators have a figure.\n\nExample: kanaalstats report --year 2019 --lang en",
    ),
    "help_trend": (
        "Per indicator een sparkline over de jaren, de eerste en laatste waarde en de verandering daartussen.\n\nVoorbeeld: kanaalstats trend --plot trend.png",
        "Per indicator a sparkline over the years, first and last value and the overall change.\n\nExample: kanaalstats trend --plot trend.png",
    ),
    "help_check": (
        "Controleer de uitspraken van het rapport aan de hand van de gegevens; afsluitcode 1 als een uitspraak niet klopt.\n\nVoorbeeld: kanaalstats check --text rapport.docx --data kerncijfers.csv",
        "Check the report's claims against the data; exit 1 when a claim is inconsistent.\n\nExample: kanaalstats check --text rapport.docx --data kerncijfers.csv",
    ),
    # Options and arguments.
    "help_opt_data": (
        "Tabelbestand (zoals gepubliceerd, canoniek, lang, CBS-open data; CSV, Excel .xlsx of Parquet); herhaal voor meer bestanden. Standaard: de ingebouwde Utrechtse tabel plus de cijfers uit de tekst.",
        "Table file (published Dutch, canonical, long, CBS open data; CSV, Excel .xlsx or Parquet); repeat for more. Default: the built-in Utrecht table plus the figures stated in its text.",
    ),
    "help_opt_sheet": (
        "Het werkblad van een Excel-werkmap; standaard het eerste.",
        "The sheet of an Excel workbook to read; default: the first.",
    ),
    "help_opt_regions": (
        "Een regiolijst van het CBS (RegioS.csv: Key;Title) die de regiocodes van een CBS-tabel een naam geeft. Standaard: zo'n lijst naast het CBS-bestand, als die er is.",
        "A CBS region list (RegioS.csv: Key;Title) that names the region codes of a CBS table. Default: such a list beside the CBS file, when there is one.",
    ),
    "help_opt_format": (
        "Uitvoerformaat. Standaard: het formaat dat de extensie van het --output-bestand noemt, anders $KANAALSTATS_FORMAT, anders table (markdown voor report).",
        "Output format. Default: the one the --output file's extension names, else $KANAALSTATS_FORMAT, else table (markdown for report).",
    ),
    "help_opt_lang": (
        "Taal van labels, woorden, getallen, meldingen en hulp.",
        "Language of labels, words, numbers, messages and help.",
    ),
    "help_opt_output": (
        "Schrijf naar dit bestand in plaats van naar stdout; het bestand wordt in één keer vervangen.",
        "Write to this file (atomically) instead of stdout.",
    ),
    "help_opt_unit": (
        "Geef een indicator een eenheid, bijv. --unit volgers=stock (flow, flow_millions, stock, stock_millions, percent, score).",
        "Set an indicator's unit, e.g. --unit volgers=stock (flow, flow_millions, stock, stock_millions, percent, score).",
    ),
    "help_opt_entity": (
        "Alleen dit gebied van een paneel (herhaalbaar); standaard: alle gebieden.",
        "Only this entity of a panel (repeatable); default: all entities.",
    ),
    "help_opt_quiet": (
        "Geen waarschuwingen en opmerkingen op stderr (fouten wel).",
        "No warnings and notes on stderr (errors still).",
    ),
    "help_opt_indicators": (
        "Id's van indicatoren, of een eenduidig begin ervan (standaard: alle).",
        "Indicator ids or unambiguous prefixes (default: all).",
    ),
    "help_opt_days": (
        "Dagen in een jaar: calendar (366 in schrikkeljaren), 365, of werkdagen (maandag tot en met vrijdag zonder Nederlandse feestdagen).",
        "Days in a year: calendar (366 in leap years), 365, or werkdagen (Monday to Friday without Dutch public holidays).",
    ),
    "help_opt_year": ("Alleen dit jaar.", "Only this year."),
    "help_opt_report_year": (
        "Jaar om samen te vatten (standaard: het laatste jaar waarin de meeste indicatoren een cijfer hebben).",
        "Year to summarise (default: the last year in which most indicators have a figure).",
    ),
    "help_opt_per_day": (
        "Altijd (of nooit) het gemiddelde per dag van een stroomgrootheid noemen; standaard: alleen vanaf één per dag.",
        "Always (or never) add the average per day of a flow; default: only from one a day upwards.",
    ),
    "help_opt_context": (
        "Noem ook de context van elke verandering: het hoeveelste jaar op rij, voor het eerst sinds, het hoogste of laagste niveau sinds, de sterkste stijging of daling.",
        "Also give each change its context: how many years in a row, for the first time since, the highest or lowest level since, the largest rise or fall.",
    ),
    "help_opt_zoom": (
        "Pas de waardeassen van de grafiek aan de gegevens aan (gemarkeerd als afgesneden) in plaats van 0–100% voor percentages en nul voor aantallen.",
        "Fit the chart's value axes to the data (marked as cut) instead of 0–100% for percentages and zero for counts.",
    ),
    "help_opt_from": ("Eerste jaar (met --to).", "First year (with --to)."),
    "help_opt_to": ("Laatste jaar (met --from).", "Last year (with --from)."),
    "help_opt_numerator": ("Indicator die als deel telt.", "Indicator counted as part."),
    "help_opt_denominator": ("Indicator die als geheel telt.", "Indicator counted as whole."),
    "help_opt_plot": (
        "Teken ook een grafiek in FILE.png of FILE.svg (vereist kanaalstats[plot]).",
        "Also draw a chart to FILE.png or FILE.svg (needs kanaalstats[plot]).",
    ),
    "help_opt_claims": (
        "Bestand met uitspraken (TOML). Standaard, bij de ingebouwde gegevens: de uitspraken van het ingebouwde rapport.",
        "Claims file (TOML). Default, with the built-in data: the claims of the built-in report.",
    ),
    "help_opt_text": (
        "De tekst van het rapport (.txt, .md, .html, .docx; - voor stdin): de uitspraken erin worden gevonden, aan de tabel gekoppeld en gecontroleerd.",
        "The report's text (.txt, .md, .html, .docx; - for stdin): its statements are found, linked to the table and checked.",
    ),
    "help_opt_write_claims": (
        "Met --text: schrijf ook wat er gevonden is als uitsprakenbestand (TOML) om na te lopen.",
        "With --text: also write what it found as a claims file (TOML) to review.",
    ),
    "help_opt_strict": (
        "Geef ook afsluitcode 1 bij uitspraken die niet te controleren zijn.",
        "Also fail (exit 1) on claims that cannot be verified.",
    ),
    "help_opt_version": ("Toon de versie en stop.", "Show the version and exit."),
    "help_opt_debug": (
        "Toon bij fouten een traceback (voor ontwikkelaars).",
        "Show a traceback for errors (for developers).",
    ),
    # Typer's own options, by their English help.
    "help_opt_help": ("Toon deze hulp en stop.", "Show this message and exit."),
    "help_opt_install_completion": (
        "Installeer de aanvulling (completion) voor de huidige shell.",
        "Install completion for the current shell.",
    ),
    "help_opt_show_completion": (
        "Toon de aanvulling voor de huidige shell, om te kopiëren of de installatie aan te passen.",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "help_opt_man": (
        "Schrijf de man-pagina (roff) naar stdout, in de taal van $KANAALSTATS_LANG, en stop.",
        "Write the manual page (roff) to stdout, in the language of $KANAALSTATS_LANG, and exit.",
    ),
    # The manual page: section headings and what only it says.
    "man_name": ("NAAM", "NAME"),
    "man_synopsis": ("OVERZICHT", "SYNOPSIS"),
    "man_description": ("BESCHRIJVING", "DESCRIPTION"),
    "man_options": ("OPTIES", "OPTIONS"),
    "man_commands": ("OPDRACHTEN", "COMMANDS"),
    "man_environment": ("OMGEVING", "ENVIRONMENT"),
    "man_exit_status": ("AFSLUITCODES", "EXIT STATUS"),
    "man_see_also": ("ZIE OOK", "SEE ALSO"),
    "man_env_lang": (
        "Standaardtaal (nl of en) van uitvoer, meldingen, hulp en deze pagina; --lang gaat voor.",
        "Default language (nl or en) of output, messages, help and this page; --lang comes first.",
    ),
    "man_env_format": (
        "Standaardformaat waar --format noch de extensie van --output het formaat bepaalt.",
        "Default format where neither --format nor the extension of --output decides.",
    ),
    "man_env_no_color": ("Geen kleur (elke waarde).", "No colour (any value)."),
    "man_env_force_color": (
        "Kleur, ook in een pijp (tenzij NO_COLOR gezet is).",
        "Colour, also in a pipe (unless NO_COLOR is set).",
    ),
    "man_exit_0": (
        "gelukt (ook als de lezer van een pijp die vroeg sloot)",
        "success (also when the reader of a pipe closed it early)",
    ),
    "man_exit_1": (
        "check: een uitspraak klopt niet (met --strict: of is niet te controleren)",
        "check: a claim is inconsistent (with --strict: or cannot be verified)",
    ),
    "man_exit_2": (
        "gebruik: een onbekende opdracht, optie of waarde, een onbekende of dubbelzinnige indicator, een jaar dat niet in de gegevens zit",
        "usage: an unknown command, option or value, an unknown or ambiguous indicator, a year not in the data",
    ),
    "man_exit_3": (
        "een bestand kan niet gelezen of geschreven worden",
        "a file cannot be read or written",
    ),
    "man_exit_4": ("de inhoud van een bestand is ongeldig", "a file's content is invalid"),
    "man_exit_5": (
        "het gevraagde cijfer bestaat niet (een aandeel met noemer 0)",
        "the figure asked for is undefined (a share whose denominator is 0)",
    ),
    "man_exit_6": (
        "een optioneel onderdeel is niet geïnstalleerd (--plot zonder kanaalstats[plot])",
        "an optional extra is not installed (--plot without kanaalstats[plot])",
    ),
    "man_exit_70": (
        "een onverwachte interne fout (meld die met de uitvoer van --debug)",
        "an unexpected internal error (report it with the --debug output)",
    ),
    "man_exit_130": ("afgebroken (Ctrl-C)", "interrupted (Ctrl-C)"),
    "help_usage": ("Gebruik:", "Usage:"),
    "help_Arguments": ("Argumenten", "Arguments"),
    "help_Options": ("Opties", "Options"),
    "help_Commands": ("Opdrachten", "Commands"),
    "help_default": ("standaard", "default"),
    "help_env_var": ("omgevingsvariabele", "env var"),
    "help_required": ("verplicht", "required"),
    "progress_reading": ("Gegevens lezen", "Reading the data"),
    "progress_rows": ("Rijen berekenen", "Computing rows"),
    "progress_text": ("Tekst doorzoeken", "Searching the text"),
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
    # Only this year has a figure; {which} is a year or sentence_year_before. The level
    # comes after the year in Dutch too, so that no two figures stand side by side.
    "sentence_was": ("kwam {when} uit op {level}", "was {level} {when}"),
    "sentence_was_heading": ("{level} {when}", "{level} {when}"),
    "sentence_no_previous": (
        "voor {which} is geen cijfer beschikbaar om mee te vergelijken",
        "no figure is available for {which} to compare with",
    ),
    "sentence_year_before": ("het jaar ervoor", "the year before"),
    # Time words. A stock counted on 1 January changed during the year before it.
    "sentence_in_year": ("in {year}", "in {year}"),
    "sentence_during_year": ("in {year}", "during {year}"),
    "sentence_between_januaries": (
        "tussen 1 januari {first} en 1 januari {last}",
        "between 1 January {first} and 1 January {last}",
    ),
    "sentence_on_january": ("op 1 januari {year}", "on 1 January {year}"),
    "sentence_january": ("1 januari {year}", "1 January {year}"),
    # A "waarvan" row named with the row it is part of.
    "sentence_of_which": ("{parent}, waarvan {rest}", "{parent}, of which {rest}"),
    # Both years have a figure; the _heading forms follow "Label: ".
    # {run}: " voor het derde jaar op rij" and {standing}: ", het hoogste niveau sinds 2015"
    # with report --context, else empty.
    "sentence_up": (
        "is {when}{run} toegenomen tot {level}{standing}",
        "increased{run} to {level} {when}{standing}",
    ),
    "sentence_up_heading": (
        "{when}{run} toegenomen tot {level}{standing}",
        "increased{run} to {level} {when}{standing}",
    ),
    "sentence_down": (
        "is {when}{run} afgenomen tot {level}{standing}",
        "decreased{run} to {level} {when}{standing}",
    ),
    "sentence_down_heading": (
        "{when}{run} afgenomen tot {level}{standing}",
        "decreased{run} to {level} {when}{standing}",
    ),
    "sentence_same": (
        "is {when} gelijk gebleven op {level}",
        "remained unchanged at {level} {when}",
    ),
    "sentence_same_heading": (
        "{when} gelijk gebleven op {level}",
        "unchanged at {level} {when}",
    ),
    # The same for a stock on 1 January; in English the period comes before the level, which
    # carries its own date ("increased during 2018 to 357,179 on 1 January 2019").
    "sentence_up_january": (
        "is {when}{run} toegenomen tot {level}{standing}",
        "increased {when}{run} to {level}{standing}",
    ),
    "sentence_up_heading_january": (
        "{when}{run} toegenomen tot {level}{standing}",
        "increased {when}{run} to {level}{standing}",
    ),
    "sentence_down_january": (
        "is {when}{run} afgenomen tot {level}{standing}",
        "decreased {when}{run} to {level}{standing}",
    ),
    "sentence_down_heading_january": (
        "{when}{run} afgenomen tot {level}{standing}",
        "decreased {when}{run} to {level}{standing}",
    ),
    "sentence_same_january": (
        "is {when} gelijk gebleven op {level}",
        "remained unchanged {when} at {level}",
    ),
    "sentence_same_heading_january": (
        "{when} gelijk gebleven op {level}",
        "unchanged {when} at {level}",
    ),
    "sentence_more": ("{amount} meer dan {then}", "{amount} more than {then}"),
    "sentence_less": ("{amount} minder dan {then}", "{amount} less than {then}"),
    "sentence_higher": ("{amount} hoger dan {then}", "{amount} higher than {then}"),
    "sentence_lower": ("{amount} lager dan {then}", "{amount} lower than {then}"),
    "sentence_point": ("{points} procentpunt", "{points} percentage point"),
    "sentence_points": ("{points} procentpunt", "{points} percentage points"),
    "sentence_score_point": ("{points} punt", "{points} point"),
    "sentence_score_points": ("{points} punt", "{points} points"),
    "sentence_from_zero": (
        "{then}: {previous}; een procentuele verandering ten opzichte van 0 bestaat niet",
        "{then}: {previous}; there is no percentage change from 0",
    ),
    "sentence_from_negative": (
        "{then}: {previous}; een procentuele verandering ten opzichte van een negatief getal zegt niets",
        "{then}: {previous}; a percentage change from a negative figure means nothing",
    ),
    "sentence_to_negative": (
        "{then}: {previous}; een procentuele verandering naar een negatief getal zegt niets",
        "{then}: {previous}; a percentage change to a negative figure means nothing",
    ),
    "sentence_too_large": (
        "{then}: {previous}; de procentuele verandering is te groot om te berekenen",
        "{then}: {previous}; the percentage change is too large to compute",
    ),
    "sentence_about": ("zo'n {figure}", "about {figure}"),
    # --- report --context -----------------------------------------------------------------
    "context_in_a_row": ("voor het {nth} jaar op rij", "for the {nth} year in a row"),
    "context_first_since": ("voor het eerst sinds {year}", "for the first time since {year}"),
    "context_highest_since": ("het hoogste niveau sinds {year}", "the highest level since {year}"),
    "context_lowest_since": ("het laagste niveau sinds {year}", "the lowest level since {year}"),
    "context_highest_from": (
        "het hoogste niveau sinds het begin van de reeks in {year}",
        "the highest level since the series began in {year}",
    ),
    "context_lowest_from": (
        "het laagste niveau sinds het begin van de reeks in {year}",
        "the lowest level since the series began in {year}",
    ),
    "context_largest_rise": (
        "de sterkste stijging van alle aantallen in de tabel",
        "the largest rise of all counts in the table",
    ),
    "context_largest_fall": (
        "de sterkste daling van alle aantallen in de tabel",
        "the largest fall of all counts in the table",
    ),
    "context_and": (" en ", " and "),
    "ordinal_n": ("{n}e", "{n}th"),
    "ordinal_2": ("tweede", "second"),
    "ordinal_3": ("derde", "third"),
    "ordinal_4": ("vierde", "fourth"),
    "ordinal_5": ("vijfde", "fifth"),
    "ordinal_6": ("zesde", "sixth"),
    "ordinal_7": ("zevende", "seventh"),
    "ordinal_8": ("achtste", "eighth"),
    "ordinal_9": ("negende", "ninth"),
    "ordinal_10": ("tiende", "tenth"),
    "sentence_day": ("dag", "day"),
    "sentence_working_day": ("werkdag", "working day"),
    "sentence_per_day": (
        "Dat is gemiddeld {today} per {day}",
        "That is {today} a {day} on average",
    ),
    "sentence_per_day_as_before": ("net als in {year}", "as in {year}"),
    "sentence_per_day_before": (
        "tegen {before} per {day} in {year}",
        "against {before} a {day} in {year}",
    ),
    # --- notes on figures -----------------------------------------------------------------
    "unit_rule_file": ("het bestand", "the file"),
    "unit_rule_option": ("--unit", "--unit"),
    "unit_rule_cells": ("%-teken in de cellen", "% sign in the cells"),
    "unit_rule_label": ("label", "label"),
    "unit_rule_guess": ("geraden", "a guess"),
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
    "col_unit_rule": ("Herkomst eenheid", "Unit from"),
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
    "provisional_prefix": ("Voorlopige cijfers", "Provisional figures"),
    "col_provisional": ("Voorlopig", "Provisional"),
    "report_provisional_one": (
        "Het cijfer van {year} is voorlopig.",
        "The figure for {year} is provisional.",
    ),
    "report_provisional_two": (
        "De cijfers van {first} en {second} zijn voorlopig.",
        "The figures for {first} and {second} are provisional.",
    ),
    "flag_provisional": ("voorlopig", "provisional"),
    # CBS marks a provisional figure with *; the page's table uses * for footnotes already.
    "page_provisional_mark": ("(v)", "(p)"),
    "page_provisional_note": ("voorlopig cijfer", "provisional figure"),
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
    line's entity after the line. A value that is itself a message is said first."""
    params = {
        name: say(value, lang) if isinstance(value, Message) else value
        for name, value in message.params.items()
    }
    said = text(message.key, lang, **params)
    entity = message.params.get("entity")
    line = message.params.get("line")
    if entity and line is not None and "{entity}" not in CATALOGUE[message.key][0]:
        place = text("line_at", lang, line=line)
        if place in said:
            return said.replace(place, place + text("in_entity", lang, entity=entity), 1)
    return said
