"""A message a user will read: a catalogue key and its values, rendered in a language by
`text.catalogue.say` at the edge."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    key: str
    params: dict[str, Any] = field(default_factory=dict)
