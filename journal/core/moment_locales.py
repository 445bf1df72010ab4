"""The week rules (first day ``dow``, ``doy``) of moment.js's locales, and how
``moment.locale(name)`` picks one.

Obsidian's plugins set moment's global locale (the Calendar plugin's and Periodic
Notes 1.x's *Locale* setting); the locale decides what ``gggg``, ``ww`` and
``startOf('week')`` mean.  The table is moment's own (2.30), grouped by rule.
"""

from __future__ import annotations

from journal.core.moment import LocaleWeek

_GROUPS = {
    (1, 4): "af ar-ma ar-tn bm br ca cs cy da de de-at de-ch el en-gb en-ie en-nz en-sg es "
    "es-do et fi fil fo fr fr-ch fy ga gd gl hu is it it-ch km ku-kmr lb lt lv mi mt my nb "
    "nl nl-be nn oc-lnc pl pt ru sd se sk sq ss sv tet tl-ph tlh tzl uk ur vi x-pseudo yo zh-cn",
    (0, 6): "en am-et ar-ps ar-sa bn bn-bd bo en-ca en-il en-in es-us fr-ca gu he hi id ja kn "
    "ko lo ml mn mr ne pa-in pt-br si ta te th zh-hk zh-mo zh-tw",
    (1, 7): "az be bg bs cv eo eu hr hy-am jv ka kk ky me mk ms ms-my ro sl sr sr-cyrl sw tg "
    "tk tr ug-cn uz uz-latn",
    (6, 12): "ar ar-ly fa ku ps tzm tzm-latn",
    (0, 4): "ar-dz en-au es-mx",
    (0, 3): "gom-deva gom-latn",
    (0, 12): "ar-kw",
    (7, 12): "dv",  # moment's own value: 7 is Sunday, with its own first week
}
LOCALES: dict[str, LocaleWeek] = {
    name: LocaleWeek(dow, doy) for (dow, doy), names in _GROUPS.items() for name in names.split()
}


def locale_name(name: str) -> str | None:
    """The locale ``moment.locale(name)`` switches to (``en-US`` is ``en``, ``de_AT``
    is ``de-at``), or None when moment has none (it then keeps the locale it had)."""
    parts = name.strip().lower().replace("_", "-").split("-")
    for end in range(len(parts), 0, -1):
        candidate = "-".join(parts[:end])
        if candidate in LOCALES:
            return candidate
    return None
