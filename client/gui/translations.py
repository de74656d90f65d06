"""The interface's language: Qt's translation system (.ts sources, .qm compiled) for our
texts and Qt's own, and the definitions' own texts through client.core.i18n.tr.

Source strings are English; bokmål (default) and nynorsk come from
client/gui/translations/kostra_{nb,nn}.qm, made with pyside6-lupdate/lrelease
(see client/gui/translations/README.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

FOLDER = Path(__file__).resolve().parent / "translations"
LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}

_installed: list[QTranslator] = []


def install_language(lang: str) -> None:
    """Replace the installed translators with those for `lang` ("nb", "nn" or "en")."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(LOCALES.get(lang, "nb_NO"))
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    if ours.load(str(FOLDER / f"kostra_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if lang == "en":
        return  # English is the sources' language: kostra_en holds only its plurals
    # Qt's own buttons (OK, Cancel, Yes): Qt ships nynorsk only; bokmål readers
    # understand it better than English.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{'nn' if lang in ('nb', 'nn') else lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    # Over it, ours: the file dialog, message-box buttons and edit menus in bokmål, and
    # the few file-dialog texts Qt's nynorsk lacks («Look in:»). Installed last, asked first.
    dialogs = QTranslator(app)
    if dialogs.load(str(FOLDER / f"kostra_qt_{lang}.qm")):
        app.installTranslator(dialogs)
        _installed.append(dialogs)
