"""The part of SARIF 2.1.0 claimcheck writes, as typed pydantic models.

Field names are snake_case here and camelCase in the JSON (the spec's
spelling); dump with :func:`dump`, which also leaves out unset fields.
Reference: OASIS SARIF 2.1.0 (errata 01), sections 3.13 (sarifLog) to 3.52.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

Level = Literal["none", "note", "warning", "error"]


class SarifModel(BaseModel):
    """Base: camelCase aliases, unknown fields refused."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Message(SarifModel):
    """§3.11: plain text, optionally with a Markdown rendering."""

    text: str
    markdown: Optional[str] = None


class MultiformatMessageString(SarifModel):
    """§3.12: used for rule descriptions and help."""

    text: str
    markdown: Optional[str] = None


class ArtifactLocation(SarifModel):
    """§3.4: a file, by (relative) URI."""

    uri: str
    uri_base_id: Optional[str] = None


class ArtifactContent(SarifModel):
    """§3.3: the text of a region, for viewers without the file."""

    text: str


class Region(SarifModel):
    """§3.30: 1-based lines and columns (end column exclusive) plus character offsets."""

    start_line: int = Field(ge=1)
    start_column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    char_offset: int = Field(ge=0)
    char_length: int = Field(ge=0)
    snippet: Optional[ArtifactContent] = None


class PhysicalLocation(SarifModel):
    """§3.29."""

    artifact_location: ArtifactLocation
    region: Optional[Region] = None


class Location(SarifModel):
    """§3.28: ``id`` and ``message`` are used by related locations."""

    id: Optional[int] = Field(default=None, ge=-1)
    physical_location: PhysicalLocation
    message: Optional[Message] = None


class ReportingConfiguration(SarifModel):
    """§3.50: a rule's default level."""

    level: Level = "warning"


class ReportingDescriptor(SarifModel):
    """§3.49: one rule of the catalog."""

    id: str
    name: Optional[str] = None
    short_description: Optional[MultiformatMessageString] = None
    full_description: Optional[MultiformatMessageString] = None
    help: Optional[MultiformatMessageString] = None
    default_configuration: Optional[ReportingConfiguration] = None


class ToolComponent(SarifModel):
    """§3.19: the driver (claimcheck itself) and its rules."""

    name: str
    version: Optional[str] = None
    semantic_version: Optional[str] = None
    information_uri: Optional[str] = None
    rules: list[ReportingDescriptor] = Field(default_factory=list)


class Tool(SarifModel):
    """§3.18."""

    driver: ToolComponent


class Result(SarifModel):
    """§3.27: one finding."""

    rule_id: str
    rule_index: Optional[int] = Field(default=None, ge=-1)
    level: Level
    message: Message
    locations: list[Location] = Field(default_factory=list)
    related_locations: list[Location] = Field(default_factory=list)
    partial_fingerprints: dict[str, str] = Field(default_factory=dict)
    properties: Optional[dict[str, object]] = None


class Notification(SarifModel):
    """§3.58: a problem running the tool, e.g. a file it could not read."""

    level: Level = "error"
    message: Message
    locations: list[Location] = Field(default_factory=list)


class Invocation(SarifModel):
    """§3.20: whether the run succeeded, and what went wrong."""

    execution_successful: bool
    tool_execution_notifications: list[Notification] = Field(default_factory=list)


class Artifact(SarifModel):
    """§3.24: one file analyzed."""

    location: ArtifactLocation


class Run(SarifModel):
    """§3.14: one invocation of claimcheck over some files."""

    tool: Tool
    invocations: list[Invocation] = Field(default_factory=list)
    artifacts: list[Artifact] = Field(default_factory=list)
    results: list[Result] = Field(default_factory=list)
    column_kind: Literal["utf16CodeUnits", "unicodeCodePoints"] = "unicodeCodePoints"


class SarifLog(SarifModel):
    """§3.13: the top-level object."""

    schema_uri: str = Field(default=SCHEMA_URI, alias="$schema")
    version: Literal["2.1.0"] = "2.1.0"
    runs: list[Run]


def dump(log: SarifLog) -> str:
    """The SARIF JSON text: spec field names, unset optional fields left out."""
    return log.model_dump_json(by_alias=True, exclude_none=True, indent=2) + "\n"
