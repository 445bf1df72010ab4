"""The week rules (first day ``dow``, ``doy``) of moment.js's locales, the month and
weekday names of some, and how ``moment.locale(name)`` picks one.

Obsidian's plugins set moment's global locale (the Calendar plugin's and Periodic
Notes 1.x's *Locale* setting); the locale decides what ``gggg``, ``ww`` and
``startOf('week')`` mean, and the names ``MMMM``, ``ddd``, ``Do``... write.  Both
tables are moment's own (2.30): the week rules grouped by rule, and the names and
ordinals (``months``, ``monthsShort``, ``weekdays``, ``weekdaysShort``,
``weekdaysMin``, ``ordinal``) copied from its ``src/locale/*.js``, with their format
and standalone forms and the rules that choose between them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

from journal.core.moment import ENGLISH, LocaleWeek, NameList, Names

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


def _names(
    locale: str,
    months: str | NameList,
    months_short: str | NameList,
    weekdays: str | NameList,
    weekdays_short: str,
    weekdays_min: str,
    ordinal: Callable[[int, str], str],
) -> Names:
    """A locale's names, each list written as in moment's source (``_``-separated)."""

    def listed(item: str | NameList) -> NameList:
        return item if isinstance(item, NameList) else NameList(tuple(item.split("_")))

    return Names(
        locale,
        listed(months),
        listed(months_short),
        listed(weekdays),
        listed(weekdays_short),
        listed(weekdays_min),
        ordinal,
    )


def _forms(names: str, other: str, other_if: str) -> NameList:
    """Names with another form (:class:`NameList`), written as in moment's source."""
    return NameList(tuple(names.split("_")), tuple(other.split("_")), other_if)


def _suffixed(by_period: dict[str, str], other: str, number: int, period: str) -> str:
    """The number, then its period's suffix (``other`` for the periods not listed)."""
    return f"{number}{by_period.get(period, other)}"


def _suffix(suffix: str) -> Callable[[int, str], str]:
    """moment's ``ordinal: '%d.'``: the number, then ``suffix``."""
    return partial(_suffixed, {}, suffix)


def _by_period(suffixes: dict[str, str]) -> Callable[[int, str], str]:
    """An ordinal that puts a suffix by period (``D``, ``M``, ``w``...) and none otherwise
    (a partial, not a lambda: the names go to the index's worker processes, pickled)."""
    return partial(_suffixed, suffixes, "")


def _fr_ordinal(number: int, period: str) -> str:
    if period == "D":
        return f"{number}er" if number == 1 else str(number)
    if period in ("w", "W"):  # semaine is feminine
        return f"{number}{'re' if number == 1 else 'e'}"
    return f"{number}{'er' if number == 1 else 'e'}"


def _nl_ordinal(number: int, _period: str) -> str:
    return f"{number}{'ste' if number in (1, 8) or number >= 20 else 'de'}"


def _sv_ordinal(number: int, _period: str) -> str:
    return f"{number}{':e' if number % 100 // 10 == 1 or number % 10 not in (1, 2) else ':a'}"


#: moment's default rule for the format form of months (``MONTHS_IN_FORMAT``): a day before.
_DAY_BEFORE = r"D[oD]?(\[[^\[\]]*\]|\s)+MMMM?"
_DOTLESS = "-MMM-"  # es and nl: short months lose their dot between dashes


@cache
def all_names() -> dict[str, Names]:
    """The names of every locale journal has, by moment's locale name: made on first use
    (only a vault whose note names hold month or weekday names needs them), not at every
    command's start."""
    return {
        names.locale: names
        for names in (
            _names(
                "fr",
                "janvier_février_mars_avril_mai_juin_juillet_août_septembre_octobre_novembre_décembre",
                "janv._févr._mars_avr._mai_juin_juil._août_sept._oct._nov._déc.",
                "dimanche_lundi_mardi_mercredi_jeudi_vendredi_samedi",
                "dim._lun._mar._mer._jeu._ven._sam.",
                "di_lu_ma_me_je_ve_sa",
                _fr_ordinal,
            ),
            _names(
                "de",
                "Januar_Februar_März_April_Mai_Juni_Juli_August_September_Oktober_November_Dezember",
                "Jan._Feb._März_Apr._Mai_Juni_Juli_Aug._Sep._Okt._Nov._Dez.",
                "Sonntag_Montag_Dienstag_Mittwoch_Donnerstag_Freitag_Samstag",
                "So._Mo._Di._Mi._Do._Fr._Sa.",
                "So_Mo_Di_Mi_Do_Fr_Sa",
                _suffix("."),
            ),
            _names(
                "es",
                "enero_febrero_marzo_abril_mayo_junio_julio_agosto_septiembre_octubre_noviembre_diciembre",
                _forms(
                    "ene._feb._mar._abr._may._jun._jul._ago._sep._oct._nov._dic.",
                    "ene_feb_mar_abr_may_jun_jul_ago_sep_oct_nov_dic",
                    _DOTLESS,
                ),
                "domingo_lunes_martes_miércoles_jueves_viernes_sábado",
                "dom._lun._mar._mié._jue._vie._sáb.",
                "do_lu_ma_mi_ju_vi_sá",
                _suffix("º"),
            ),
            _names(
                "it",
                "gennaio_febbraio_marzo_aprile_maggio_giugno_luglio_agosto_settembre_ottobre_novembre_dicembre",
                "gen_feb_mar_apr_mag_giu_lug_ago_set_ott_nov_dic",
                "domenica_lunedì_martedì_mercoledì_giovedì_venerdì_sabato",
                "dom_lun_mar_mer_gio_ven_sab",
                "do_lu_ma_me_gi_ve_sa",
                _suffix("º"),
            ),
            _names(
                "pt",
                "janeiro_fevereiro_março_abril_maio_junho_julho_agosto_setembro_outubro_novembro_dezembro",
                "jan_fev_mar_abr_mai_jun_jul_ago_set_out_nov_dez",
                "Domingo_Segunda-feira_Terça-feira_Quarta-feira_Quinta-feira_Sexta-feira_Sábado",
                "Dom_Seg_Ter_Qua_Qui_Sex_Sáb",
                "Do_2ª_3ª_4ª_5ª_6ª_Sá",
                _suffix("º"),
            ),
            _names(
                "pt-br",
                "janeiro_fevereiro_março_abril_maio_junho_julho_agosto_setembro_outubro_novembro_dezembro",
                "jan_fev_mar_abr_mai_jun_jul_ago_set_out_nov_dez",
                "domingo_segunda-feira_terça-feira_quarta-feira_quinta-feira_sexta-feira_sábado",
                "dom_seg_ter_qua_qui_sex_sáb",
                "do_2ª_3ª_4ª_5ª_6ª_sá",
                _suffix("º"),
            ),
            _names(
                "nl",
                "januari_februari_maart_april_mei_juni_juli_augustus_september_oktober_november_december",
                _forms(
                    "jan._feb._mrt._apr._mei_jun._jul._aug._sep._okt._nov._dec.",
                    "jan_feb_mrt_apr_mei_jun_jul_aug_sep_okt_nov_dec",
                    _DOTLESS,
                ),
                "zondag_maandag_dinsdag_woensdag_donderdag_vrijdag_zaterdag",
                "zo._ma._di._wo._do._vr._za.",
                "zo_ma_di_wo_do_vr_za",
                _nl_ordinal,
            ),
            _names(
                "ja",
                "1月_2月_3月_4月_5月_6月_7月_8月_9月_10月_11月_12月",
                "1月_2月_3月_4月_5月_6月_7月_8月_9月_10月_11月_12月",
                "日曜日_月曜日_火曜日_水曜日_木曜日_金曜日_土曜日",
                "日_月_火_水_木_金_土",
                "日_月_火_水_木_金_土",
                _by_period({"d": "日", "D": "日", "DDD": "日"}),
            ),
            _names(
                "zh-cn",
                "一月_二月_三月_四月_五月_六月_七月_八月_九月_十月_十一月_十二月",
                "1月_2月_3月_4月_5月_6月_7月_8月_9月_10月_11月_12月",
                "星期日_星期一_星期二_星期三_星期四_星期五_星期六",
                "周日_周一_周二_周三_周四_周五_周六",
                "日_一_二_三_四_五_六",
                _by_period({"d": "日", "D": "日", "DDD": "日", "M": "月", "w": "周", "W": "周"}),
            ),
            _names(
                "ko",
                "1월_2월_3월_4월_5월_6월_7월_8월_9월_10월_11월_12월",
                "1월_2월_3월_4월_5월_6월_7월_8월_9월_10월_11월_12월",
                "일요일_월요일_화요일_수요일_목요일_금요일_토요일",
                "일_월_화_수_목_금_토",
                "일_월_화_수_목_금_토",
                _by_period({"d": "일", "D": "일", "DDD": "일", "M": "월", "w": "주", "W": "주"}),
            ),
            _names(
                "ru",
                _forms(
                    "январь_февраль_март_апрель_май_июнь_июль_август_сентябрь_октябрь_ноябрь_декабрь",
                    "января_февраля_марта_апреля_мая_июня_июля_августа_сентября_октября_ноября_декабря",
                    _DAY_BEFORE,
                ),
                _forms(
                    "янв._февр._март_апр._май_июнь_июль_авг._сент._окт._нояб._дек.",
                    "янв._февр._мар._апр._мая_июня_июля_авг._сент._окт._нояб._дек.",
                    _DAY_BEFORE,
                ),
                _forms(
                    "воскресенье_понедельник_вторник_среда_четверг_пятница_суббота",
                    "воскресенье_понедельник_вторник_среду_четверг_пятницу_субботу",
                    r"\[ ?[Вв] ?(?:прошлую|следующую|эту)? ?] ?dddd",
                ),
                "вс_пн_вт_ср_чт_пт_сб",  # noqa: RUF001 (Cyrillic, as moment has it)
                "вс_пн_вт_ср_чт_пт_сб",  # noqa: RUF001
                _by_period({"M": "-й", "d": "-й", "DDD": "-й", "D": "-го", "w": "-я", "W": "-я"}),  # noqa: RUF001
            ),
            _names(
                "pl",
                _forms(
                    "styczeń_luty_marzec_kwiecień_maj_czerwiec_lipiec_sierpień_wrzesień_październik"
                    "_listopad_grudzień",
                    "stycznia_lutego_marca_kwietnia_maja_czerwca_lipca_sierpnia_września_października"
                    "_listopada_grudnia",
                    "D MMMM",
                ),
                "sty_lut_mar_kwi_maj_cze_lip_sie_wrz_paź_lis_gru",
                "niedziela_poniedziałek_wtorek_środa_czwartek_piątek_sobota",
                "ndz_pon_wt_śr_czw_pt_sob",
                "Nd_Pn_Wt_Śr_Cz_Pt_So",
                _suffix("."),
            ),
            _names(
                "sv",
                "januari_februari_mars_april_maj_juni_juli_augusti_september_oktober_november_december",
                "jan_feb_mar_apr_maj_jun_jul_aug_sep_okt_nov_dec",
                "söndag_måndag_tisdag_onsdag_torsdag_fredag_lördag",
                "sön_mån_tis_ons_tor_fre_lör",
                "sö_må_ti_on_to_fr_lö",
                _sv_ordinal,
            ),
        )
    }


def locale_names(name: str) -> Names | None:
    """The names of moment's locale ``name`` (as :func:`locale_name` gives it), or None
    when journal does not have them.  Every English locale has moment's English names."""
    if name == "en" or name.startswith("en-"):
        return ENGLISH
    return all_names().get(name)
