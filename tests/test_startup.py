"""What the program imports as it starts: no spaCy for --help, spaCy without its command line for a check.

Each case runs in a fresh interpreter, since an import happens once per process.
"""

from __future__ import annotations

import json
import subprocess
import sys


def run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_does_not_import_spacy():
    out = run(
        "import sys, json, contextlib, io\n"
        "from claimcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "print(json.dumps({'spacy': 'spacy' in sys.modules}))"
    )
    assert out == {"spacy": False}


def test_spacy_imports_without_its_command_line_and_gets_it_back_when_asked():
    out = run(
        "import sys, json\n"
        "from claimcheck.startup import spacy_without_cli\n"
        "spacy_without_cli()\n"
        "import spacy\n"
        "before = {'cli': 'spacy.cli' in sys.modules, 'attr': hasattr(spacy, 'cli'), 'weasel': 'weasel' in sys.modules}\n"
        "import spacy.cli\n"
        "after = {'real': spacy.cli.__file__.endswith('__init__.py'), 'setup': hasattr(spacy.cli, 'setup_cli')}\n"
        "info = spacy.info()\n"
        "print(json.dumps({'before': before, 'after': after, 'info': 'spacy_version' in info}))"
    )
    assert out == {
        "before": {"cli": False, "attr": False, "weasel": False},
        "after": {"real": True, "setup": True},
        "info": True,
    }


def test_stand_ins_are_taken_away_if_spacy_never_asks_for_them():
    out = run(
        "import sys, json\n"
        "from claimcheck import startup\n"
        "startup._plant()\n"
        "planted = 'spacy.cli' in sys.modules and 'spacy.cli.info' in sys.modules\n"
        "startup.settle()\n"
        "print(json.dumps({'planted': planted, 'left': [m for m in sys.modules if m.startswith('spacy')]}))"
    )
    assert out == {"planted": True, "left": []}


def test_no_effect_once_spacy_is_imported():
    out = run(
        "import sys, json, spacy\n"
        "from claimcheck.startup import spacy_without_cli, _Finder\n"
        "spacy_without_cli()\n"
        "print(json.dumps({'finder': _Finder in sys.meta_path, 'cli': 'spacy.cli' in sys.modules}))"
    )
    assert out == {"finder": False, "cli": True}
