r"""Where the user's data lives, and how IT moves it for desktops whose profile does not
survive logoff: --data-dir, then KOSTRA_DATA_DIR, then IT's policy (HKLM, then HKCU
Software\Policies\KOSTRA-klienten\DataDir on Windows), then the platform's folder. The
policy is read through an injected reader, so the order is tested here on Linux."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import platformdirs
import pytest

from client.core import datadir
from client.core.datadir import (
    DataFolderPolicyError,
    PolicySetting,
    expand_variables,
    read_registry_policy,
    resolve_data_dir,
)
from client.core.workspace import Workspace

WHERE = r"HKLM\Software\Policies\KOSTRA-klienten\DataDir"


def policy(value: str):
    return lambda: PolicySetting(value, WHERE)


def no_policy():
    return None


def test_the_order_command_line_environment_policy_default(tmp_path):
    env = {"KOSTRA_DATA_DIR": str(tmp_path / "env")}
    it = policy(str(tmp_path / "policy"))

    chosen = resolve_data_dir(env, it, command_line=tmp_path / "cli")
    assert (chosen.path, chosen.source) == (tmp_path / "cli", "command line")
    chosen = resolve_data_dir(env, it)
    assert (chosen.path, chosen.source, chosen.where) == (tmp_path / "env", "environment",
                                                           "KOSTRA_DATA_DIR")
    chosen = resolve_data_dir({}, it)
    assert (chosen.path, chosen.source, chosen.where) == (tmp_path / "policy", "policy", WHERE)
    chosen = resolve_data_dir({}, no_policy)
    assert chosen.source == "default"
    assert chosen.path == Path(platformdirs.user_data_dir("KOSTRA-klienten", appauthor=False))


def test_an_empty_environment_variable_does_not_hide_the_policy(tmp_path):
    chosen = resolve_data_dir({"KOSTRA_DATA_DIR": ""}, policy(str(tmp_path / "p")))
    assert chosen.source == "policy"


def test_a_machine_wide_value_gives_each_user_a_folder(tmp_path):
    value = str(tmp_path / "hjem$" / "%USERNAME%" / "KOSTRA-klienten")
    for user in ("kari", "ola"):
        ws = Workspace.from_environment({"username": user}, policy(value))  # any case, as Windows
        assert ws.data_dir == tmp_path / "hjem$" / user / "KOSTRA-klienten"
        # settings go with the data, so they survive logoff too
        assert ws.config_dir == ws.data_dir / "config"
        assert ws.data_origin is not None and ws.data_origin.source == "policy"


def test_kostra_config_dir_still_places_the_settings(tmp_path):
    ws = Workspace.from_environment({"KOSTRA_CONFIG_DIR": str(tmp_path / "c")},
                                    policy(str(tmp_path / "p")))
    assert (ws.data_dir, ws.config_dir) == (tmp_path / "p", tmp_path / "c")


@pytest.mark.parametrize(("value", "says"), [
    ("%HOMESHARE%\\KOSTRA-klienten", "miljøvariabelen HOMESHARE er ikke satt"),
    ("KOSTRA-klienten", "må være en full sti"),
])
def test_a_policy_that_cannot_be_used_is_an_error_never_a_silent_local_folder(value, says):
    with pytest.raises(DataFolderPolicyError) as refused:
        Workspace.from_environment({"USERNAME": "kari"}, policy(value))
    message = refused.value.message("nb")
    assert says in message and WHERE in message and "kontakt it-avdelingen" in message.lower()
    assert "IT's setting for the data folder" in refused.value.message("en")


def test_variables_are_expanded_once_and_unknown_ones_named():
    assert expand_variables("%A%\\%b%", {"a": "x", "B": "%A%"}) == ("x\\%A%", [])
    assert expand_variables("%NOPE%\\x", {}) == ("%NOPE%\\x", ["NOPE"])
    assert expand_variables("100% sikker", {}) == ("100% sikker", [])


def test_outside_windows_there_is_no_registry_policy():
    if sys.platform == "win32":
        pytest.skip("reads the real registry on Windows")
    assert read_registry_policy() is None


def test_every_part_of_the_client_follows_the_policy(tmp_path, monkeypatch):
    """The form packs, the signing key and the window's workspace all use the one folder."""
    from client.core.forms.catalog import user_forms_dir
    from client.core.submission.keys import default_key_directory
    from client.gui.app import create_context

    monkeypatch.delenv("KOSTRA_DATA_DIR")
    monkeypatch.setenv("USERNAME", "kari")
    monkeypatch.setattr(datadir, "read_registry_policy",
                        policy(str(tmp_path / "%USERNAME%" / "KOSTRA")))
    folder = tmp_path / "kari" / "KOSTRA"
    assert user_forms_dir() == folder / "forms"
    assert default_key_directory() == folder / "keys"
    ctx = create_context()
    assert ctx.workspace.data_dir == folder
    assert ctx.workspace.config_dir == folder / "config"


class Registry:
    """A stand-in for Windows' winreg module over a dict {(hive, key, value): (data, type)},
    so the policy reader's own logic (HKLM before HKCU, text values only) runs here."""

    HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER = "HKLM", "HKCU"
    REG_SZ, REG_EXPAND_SZ, REG_DWORD = 1, 2, 4

    def __init__(self, values: dict) -> None:
        self.values = values

    def OpenKey(self, hive, key):
        if not any(h == hive and k == key for h, k, _ in self.values):
            raise FileNotFoundError(key)
        return contextlib.nullcontext((hive, key))

    def QueryValueEx(self, key, name):
        try:
            return self.values[(*key, name)]
        except KeyError:
            raise FileNotFoundError(name) from None


@pytest.fixture
def registry(monkeypatch):
    def install(values: dict) -> None:
        monkeypatch.setattr(sys, "platform", "win32")
        monkeypatch.setitem(sys.modules, "winreg", Registry(values))
    return install


KEY = r"Software\Policies\KOSTRA-klienten"


def test_the_machine_policy_comes_before_the_users(registry):
    registry({("HKLM", KEY, "DataDir"): ("H:\\KOSTRA", 2),
              ("HKCU", KEY, "DataDir"): ("U:\\KOSTRA", 1)})
    assert read_registry_policy() == PolicySetting("H:\\KOSTRA", WHERE)
    registry({("HKCU", KEY, "DataDir"): (" U:\\KOSTRA ", 1)})
    found = read_registry_policy()
    assert found == PolicySetting("U:\\KOSTRA", WHERE.replace("HKLM", "HKCU"))
    registry({("HKLM", KEY, "Other"): ("x", 1)})
    assert read_registry_policy() is None


def test_a_policy_value_that_is_not_text_is_an_error(registry):
    registry({("HKLM", KEY, "DataDir"): (1, 4)})
    with pytest.raises(DataFolderPolicyError, match="REG_SZ"):
        read_registry_policy()
