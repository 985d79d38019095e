"""Settings from ``claimcheck.toml``, ``[tool.claimcheck]`` in ``pyproject.toml``, and flags.

Each article gets the configuration found by walking up from its directory:
the first ``claimcheck.toml``, or ``pyproject.toml`` with a ``[tool.claimcheck]``
table, wins (no merging across levels). Command-line flags override it. The
whole surface is :class:`Settings`, validated on load: an unknown key or a bad
value is a :class:`~claimcheck.errors.ConfigError` naming the file and the key.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError, Errors
from .inputs import MAX_BYTES
from .models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILE = "claimcheck.toml"
PYPROJECT = "pyproject.toml"
#: How flags are named in error messages.
COMMAND_LINE = "command line"

FailOn = Literal["error", "warning", "info", "never"]

_CODE = re.compile(r"CC\d{3}")
_SELECTOR = re.compile(r"ALL|CC\d{0,3}|[a-z]+(?:-[a-z]+)*")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _known_codes() -> set[str]:
    from . import rules

    return {r.code for r in rules.RULES}


def _check_code(code: str) -> str:
    code = code.strip().upper()
    if not _CODE.fullmatch(code):
        raise ValueError(f"'{code}' is not a rule code like CC101")
    if code not in _known_codes():
        raise ValueError(f"unknown rule '{code}' (`claimcheck rules` lists them)")
    return code


def _check_selector(value: str) -> str:
    value = value.strip()
    upper = value.upper()
    if _SELECTOR.fullmatch(upper) and upper.startswith(("CC", "ALL")):
        return _check_code(upper) if _CODE.fullmatch(upper) else upper
    if _SELECTOR.fullmatch(value):
        return value
    raise ValueError(f"'{value}' is not a rule code, code prefix, rule name or ALL")


class Settings(BaseModel):
    """Everything a config file may set (keys are kebab-case in TOML)."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, frozen=True)

    select: Optional[list[str]] = Field(default=None, description="Only these rules (codes, prefixes, names, ALL).")
    ignore: list[str] = Field(default_factory=list, description="Skip these rules.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Per-rule severity overrides.")
    fail_on: FailOn = Field(default="error", description="Exit 1 when a finding is at or above this severity.")
    model: Optional[str] = Field(default=None, description="spaCy model package or path.")
    exclude: list[str] = Field(default_factory=list, description="Gitignore-style patterns to skip.")
    max_bytes: int = Field(default=MAX_BYTES, gt=0, description="Refuse articles larger than this.")
    respect_gitignore: bool = Field(default=True, description="Skip files .gitignore ignores.")

    @field_validator("select", "ignore")
    @classmethod
    def _selectors(cls, values: Optional[list[str]]) -> Optional[list[str]]:
        return None if values is None else [_check_selector(v) for v in values]

    @field_validator("severity")
    @classmethod
    def _severity_codes(cls, values: dict[str, Severity]) -> dict[str, Severity]:
        return {_check_code(k): v for k, v in values.items()}

    @field_validator("exclude")
    @classmethod
    def _patterns(cls, values: list[str]) -> list[str]:
        import pathspec

        for v in values:
            try:
                pathspec.GitIgnoreSpec.from_lines([v])
            except Exception as exc:  # pathspec raises several types for bad patterns
                raise ValueError(f"bad pattern '{v}': {exc}") from None
        return values


def validate_settings(data: Mapping[str, Any], where: str) -> Settings:
    """``data`` as :class:`Settings`; the first problem raises :class:`ConfigError`."""
    try:
        return Settings.model_validate(dict(data))
    except ValidationError as exc:
        raise _config_error(exc, where) from None


def _config_error(exc: ValidationError, where: str) -> ConfigError:
    err = exc.errors()[0]
    key = ".".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden":
        keys = [_kebab(name) for name in Settings.model_fields]
        close = difflib.get_close_matches(_kebab(key), keys, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(keys)})"
        return ConfigError(Errors.E021.format(path=where, key=key, hint=hint))
    reason = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] != "value_error":
        reason = f"{reason}, got {err.get('input')!r}"
    return ConfigError(Errors.E022.format(path=where, key=key, reason=reason))


@dataclass(frozen=True)
class Config:
    """Settings plus where they came from (exclude patterns are relative to ``root``)."""

    settings: Settings = field(default_factory=Settings)
    path: Optional[Path] = None
    root: Path = field(default_factory=Path.cwd)

    def excludes(self, path: Path) -> bool:
        """True when ``path`` matches an ``exclude`` pattern."""
        if not self.settings.exclude:
            return False
        try:
            rel = path.resolve().relative_to(self.root.resolve())
        except ValueError:
            rel = path
        return _spec(tuple(self.settings.exclude)).match_file(rel.as_posix())


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Errors.E020.format(path=path, reason=f"invalid TOML: {exc}")) from None
    except OSError as exc:
        raise ConfigError(Errors.E020.format(path=path, reason=f"cannot read: {exc.strerror or exc}")) from None


def _table(path: Path) -> Optional[dict[str, Any]]:
    """The claimcheck table of a config file, None for a pyproject.toml without one."""
    data = _read_toml(path)
    if path.name != PYPROJECT:
        return data
    table = data.get("tool", {}).get("claimcheck")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(Errors.E022.format(path=path, key="tool.claimcheck", reason="must be a table"))
    return table


@lru_cache(maxsize=256)
def load_config(path: Path) -> Config:
    """The configuration in ``path`` (a claimcheck.toml or pyproject.toml)."""
    table = _table(path)
    settings = validate_settings(table or {}, str(path))
    return Config(settings=settings, path=path, root=path.parent)


@lru_cache(maxsize=1024)
def find_config_file(directory: Path) -> Optional[Path]:
    """The nearest config file at or above ``directory``."""
    for d in (directory, *directory.parents):
        candidate = d / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = d / PYPROJECT
        if pyproject.is_file() and _table(pyproject) is not None:
            return pyproject
    return None


class ConfigResolver:
    """The effective :class:`Config` of each article: discovered or given, then flags on top."""

    def __init__(
        self,
        overrides: Mapping[str, Any] | None = None,
        config_file: Optional[Path] = None,
        isolated: bool = False,
    ) -> None:
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self.fixed = None if config_file is None else load_config(config_file)
        self.isolated = isolated
        if self.overrides:  # bad flag values fail before any file is read
            validate_settings(self.overrides, COMMAND_LINE)

    def for_path(self, path: Optional[Path]) -> Config:
        """The configuration that applies to ``path`` (None: stdin, the current directory)."""
        if self.fixed is not None:
            base = self.fixed
        elif self.isolated:
            base = Config()
        else:
            directory = (path.parent if path is not None else Path.cwd()).resolve()
            found = find_config_file(directory)
            base = load_config(found) if found is not None else Config()
        return self._with_overrides(base)

    def _with_overrides(self, base: Config) -> Config:
        if not self.overrides:
            return base
        merged = base.settings.model_dump(by_alias=True, exclude_defaults=True)
        merged.update(self.overrides)
        return Config(settings=validate_settings(merged, COMMAND_LINE), path=base.path, root=base.root)
