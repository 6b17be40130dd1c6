"""Fictional demo residents, their data, and the procedures catalogue.

Demo cards: every card's 4-digit sign-in PIN is DEMO_PIN ("1234"). Three wrong PINs in a row
lock a card until `make reset-demo` (python -m rxapp.backend reset), as the real card needs a
municipal counter visit. The demo's "today" is DEMO_TODAY (2026-11-27); dates are set around it.
Rule thresholds live in each procedure's `parameters`, not in code; figures marked "check" are
the demo's values.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from rxapp.api.models import (
    AccessRecord,
    AccountType,
    Address,
    AmountValue,
    ChainKind,
    DateValue,
    ExternalService,
    FieldOption,
    FieldType,
    FormField,
    HouseholdMember,
    InfoCategory,
    InfoItem,
    LegalBasis,
    Notice,
    PersonName,
    Procedure,
    ProxyScope,
    PublicFundAccount,
    Recipient,
    Relation,
    ResidenceStatus,
    ResidentProfile,
    TextValue,
)
from rxapp.backend import hashchain

DEMO_PIN = "1234"
DEMO_TODAY = date(2026, 11, 27)
JST = timezone(timedelta(hours=9), "JST")

MYNUMBER_ACT = "行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）"


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A JST timestamp on a demo day."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=JST)


def ago(days: int, hour: int = 10, minute: int = 0) -> datetime:
    """A JST timestamp `days` before the demo's today."""
    return at(DEMO_TODAY - timedelta(days=days), hour, minute)


def amount(label: str, yen: int) -> AmountValue:
    """Shorthand for a yen value."""
    return AmountValue(label=label, amount_yen=yen)


def day(label: str, value: date) -> DateValue:
    """Shorthand for a date value."""
    return DateValue(label=label, date=value)


def text(label: str, value: str) -> TextValue:
    """Shorthand for a text value."""
    return TextValue(label=label, text=value)


# ------------------------------------------------------------------------------------------- residents

ADDR_TOYOTA = Address(postal_code="471-0025", prefecture_code="23", prefecture="愛知県", municipality="豊田市",
                      street="西町3丁目15番地", building="コーポ西町 203号室")  # fmt: skip
ADDR_HAMAMATSU = Address(postal_code="430-0944", prefecture_code="22", prefecture="静岡県",
                         municipality="浜松市中央区", street="田町230番地の5", building="田町ハイツ 402号室")  # fmt: skip
ADDR_AKITA = Address(postal_code="010-0976", prefecture_code="05", prefecture="秋田県", municipality="秋田市",
                     street="八橋南一丁目8番12号")  # fmt: skip
ADDR_AKITA_KEIKO = Address(postal_code="010-0001", prefecture_code="05", prefecture="秋田県", municipality="秋田市",
                           street="中通二丁目3番8号", building="中通レジデンス 705号室")  # fmt: skip
ADDR_SHINJUKU = Address(postal_code="169-0073", prefecture_code="13", prefecture="東京都", municipality="新宿区",
                        street="百人町二丁目20番5号", building="百人町寮 3階 12号室")  # fmt: skip
ADDR_OSAKA = Address(postal_code="532-0011", prefecture_code="27", prefecture="大阪府",
                     municipality="大阪市淀川区", street="西中島五丁目9番2号", building="新大阪グランメゾン 1108号室")  # fmt: skip
ADDR_YOKOHAMA = Address(postal_code="232-0024", prefecture_code="14", prefecture="神奈川県",
                        municipality="横浜市南区", street="浦舟町四丁目47番地", building="浦舟荘 101号室")  # fmt: skip

N_AN = PersonName(kanji=None, kana="グエン　ヴァン　アン", latin="NGUYEN VAN AN")
N_ANA = PersonName(kanji=None, kana="ソウザ　アナ", latin="SOUZA ANA CAROLINA")
N_PAULO = PersonName(kanji=None, kana="ソウザ　パウロ", latin="SOUZA PAULO HENRIQUE")
N_LUCAS = PersonName(kanji=None, kana="ソウザ　ルーカス", latin="SOUZA LUCAS")
N_SOFIA = PersonName(kanji=None, kana="ソウザ　ソフィア", latin="SOUZA SOFIA")
N_HARU = PersonName(kanji="佐藤 ハル", kana="サトウ　ハル", latin=None)
N_KEIKO = PersonName(kanji="佐藤 恵子", kana="サトウ　ケイコ", latin=None)
N_BISHNU = PersonName(kanji=None, kana="タパ　ビシュヌ", latin="THAPA BISHNU")
N_CHEN = PersonName(kanji="陳 静", kana="チン　セイ", latin="CHEN JING")
N_LI = PersonName(kanji="李 偉", kana="リ　イ", latin="LI WEI")
N_LI_BABY = PersonName(kanji="李 小雨", kana="リ　ショウウ", latin="LI XIAOYU")
N_MARIA = PersonName(kanji=None, kana="サントス　マリア", latin="SANTOS MARIA CRISTINA")

BABY_BIRTH = DEMO_TODAY - timedelta(days=5)  # born a few days ago: child allowance due within 15 days

TOKUTEI_JA = "特定技能1号"


def _profiles() -> list[ResidentProfile]:
    """The demo residents (fictional)."""
    an_expiry = DEMO_TODAY + timedelta(days=54)  # card ends with the period of stay: warn well before
    souza_household = [
        HouseholdMember(resident_id="res-souza-paulo", name=N_PAULO, relation=Relation.head, relation_ja="世帯主",
                        birth_date=date(1985, 7, 19)),
        HouseholdMember(resident_id="res-souza-ana", name=N_ANA, relation=Relation.spouse, relation_ja="妻",
                        birth_date=date(1988, 3, 2)),
        HouseholdMember(resident_id=None, name=N_LUCAS, relation=Relation.child, relation_ja="子",
                        birth_date=date(2014, 9, 10)),
        HouseholdMember(resident_id=None, name=N_SOFIA, relation=Relation.child, relation_ja="子",
                        birth_date=date(2020, 4, 22)),
    ]  # fmt: skip
    teijusha = ResidenceStatus(code="long_term_resident", name_ja="定住者", expires_on=date(2028, 8, 30))
    osaka_household = [
        HouseholdMember(resident_id="res-li-wei", name=N_LI, relation=Relation.head, relation_ja="世帯主",
                        birth_date=date(1991, 10, 8)),
        HouseholdMember(resident_id="res-chen-jing", name=N_CHEN, relation=Relation.spouse, relation_ja="妻",
                        birth_date=date(1993, 1, 25)),
        HouseholdMember(resident_id=None, name=N_LI_BABY, relation=Relation.child, relation_ja="子",
                        birth_date=BABY_BIRTH),
    ]  # fmt: skip
    return [
        ResidentProfile(
            resident_id="res-nguyen-van-an", name=N_AN, birth_date=date(2002, 5, 14), address=ADDR_TOYOTA,
            household=[HouseholdMember(resident_id="res-nguyen-van-an", name=N_AN, relation=Relation.head,
                                       relation_ja="世帯主", birth_date=date(2002, 5, 14))],
            nationality="VN",
            residence_status=ResidenceStatus(code="technical_intern_training_2", name_ja="技能実習（第2号ロ）",
                                             expires_on=an_expiry),
            card_expires_on=an_expiry, certificate_expires_on=an_expiry, preferred_language="vi"),
        ResidentProfile(
            resident_id="res-souza-ana", name=N_ANA, birth_date=date(1988, 3, 2), address=ADDR_HAMAMATSU,
            household=souza_household, nationality="BR", residence_status=teijusha,
            card_expires_on=date(2028, 8, 30), certificate_expires_on=date(2028, 8, 30), preferred_language="pt-BR"),
        ResidentProfile(
            resident_id="res-souza-paulo", name=N_PAULO, birth_date=date(1985, 7, 19), address=ADDR_HAMAMATSU,
            household=souza_household, nationality="BR", residence_status=teijusha,
            card_expires_on=date(2028, 8, 30), certificate_expires_on=date(2028, 8, 30), preferred_language="pt-BR"),
        ResidentProfile(
            resident_id="res-sato-haru", name=N_HARU, birth_date=date(1944, 2, 11), address=ADDR_AKITA,
            household=[HouseholdMember(resident_id="res-sato-haru", name=N_HARU, relation=Relation.head,
                                       relation_ja="世帯主", birth_date=date(1944, 2, 11))],
            nationality="JP", residence_status=None, card_expires_on=date(2033, 2, 11),
            certificate_expires_on=date(2028, 2, 11), preferred_language="ja"),
        ResidentProfile(
            resident_id="res-sato-keiko", name=N_KEIKO, birth_date=date(1971, 6, 30), address=ADDR_AKITA_KEIKO,
            household=[HouseholdMember(resident_id="res-sato-keiko", name=N_KEIKO, relation=Relation.head,
                                       relation_ja="世帯主", birth_date=date(1971, 6, 30))],
            nationality="JP", residence_status=None, card_expires_on=date(2031, 6, 30),
            certificate_expires_on=date(2029, 6, 30), preferred_language="ja"),
        ResidentProfile(
            resident_id="res-thapa-bishnu", name=N_BISHNU, birth_date=date(2004, 8, 3), address=ADDR_SHINJUKU,
            household=[HouseholdMember(resident_id="res-thapa-bishnu", name=N_BISHNU, relation=Relation.head,
                                       relation_ja="世帯主", birth_date=date(2004, 8, 3))],
            nationality="NP",
            residence_status=ResidenceStatus(code="student", name_ja="留学", expires_on=date(2027, 10, 15)),
            card_expires_on=date(2027, 10, 15), certificate_expires_on=date(2027, 10, 15), preferred_language="ne"),
        ResidentProfile(
            resident_id="res-chen-jing", name=N_CHEN, birth_date=date(1993, 1, 25), address=ADDR_OSAKA,
            household=osaka_household, nationality="CN",
            residence_status=ResidenceStatus(code="dependent", name_ja="家族滞在", expires_on=date(2029, 3, 31)),
            card_expires_on=date(2029, 3, 31), certificate_expires_on=date(2029, 3, 31),
            preferred_language="zh-Hans"),
        ResidentProfile(
            resident_id="res-li-wei", name=N_LI, birth_date=date(1991, 10, 8), address=ADDR_OSAKA,
            household=osaka_household, nationality="CN",
            residence_status=ResidenceStatus(code="engineer_specialist_humanities_intl",
                                             name_ja="技術・人文知識・国際業務", expires_on=date(2029, 3, 31)),
            card_expires_on=date(2029, 3, 31), certificate_expires_on=date(2029, 3, 31),
            preferred_language="zh-Hans"),
        ResidentProfile(
            resident_id="res-santos-maria", name=N_MARIA, birth_date=date(1981, 3, 15), address=ADDR_YOKOHAMA,
            household=[HouseholdMember(resident_id="res-santos-maria", name=N_MARIA, relation=Relation.head,
                                       relation_ja="世帯主", birth_date=date(1981, 3, 15))],
            nationality="PH",
            residence_status=ResidenceStatus(code="specified_skilled_worker_1", name_ja=TOKUTEI_JA + "（介護）",
                                             expires_on=date(2027, 9, 1)),
            card_expires_on=date(2027, 9, 1), certificate_expires_on=date(2027, 9, 1), preferred_language="fil"),
    ]  # fmt: skip


# (card_id, resident_id, display name on card, latin)
CARDS: list[tuple[str, str, str, str | None]] = [
    ("card-nguyen-van-an", "res-nguyen-van-an", "NGUYEN VAN AN", "Nguyen Van An"),
    ("card-souza-ana", "res-souza-ana", "SOUZA ANA CAROLINA", "Ana Souza"),
    ("card-souza-paulo", "res-souza-paulo", "SOUZA PAULO HENRIQUE", "Paulo Souza"),
    ("card-sato-haru", "res-sato-haru", "佐藤 ハル", "Sato Haru"),
    ("card-sato-keiko", "res-sato-keiko", "佐藤 恵子", "Sato Keiko"),
    ("card-thapa-bishnu", "res-thapa-bishnu", "THAPA BISHNU", "Bishnu Thapa"),
    ("card-chen-jing", "res-chen-jing", "陳 静 (CHEN JING)", "Chen Jing"),
    ("card-li-wei", "res-li-wei", "李 偉 (LI WEI)", "Li Wei"),
    ("card-santos-maria", "res-santos-maria", "SANTOS MARIA CRISTINA", "Maria Santos"),
]


# ------------------------------------------------------------------------------------------- わたしの情報

C = InfoCategory


def _items() -> dict[str, list[InfoItem]]:
    """わたしの情報 per resident."""

    def item(
        rid: str, n: int, cat: InfoCategory, title: str, values: list[Any], agency: str, as_of: date
    ) -> InfoItem:
        return InfoItem(item_id=f"{rid.removeprefix('res-')}-{cat.value}-{n}", category=cat, title=title,
                        values=values, source_agency=agency, as_of=as_of)  # fmt: skip

    a = "res-nguyen-van-an"
    ana, paulo = "res-souza-ana", "res-souza-paulo"
    h, k = "res-sato-haru", "res-sato-keiko"
    b = "res-thapa-bishnu"
    cj, lw = "res-chen-jing", "res-li-wei"
    m = "res-santos-maria"
    fy_tax_asof = date(2026, 6, 1)
    return {
        a: [
            item(a, 1, C.tax_income, "令和8年度 個人住民税 課税情報", [amount("総所得金額等", 1_842_000),
                 amount("市町村民税・県民税 年税額", 79_500)], "愛知県豊田市", fy_tax_asof),
            item(a, 1, C.pension, "厚生年金保険 加入記録", [day("資格取得日", date(2024, 4, 8)),
                 text("加入月数", "32か月"), text("事業所名", "株式会社トヨタ精機工業")], "日本年金機構", date(2026, 11, 1)),
            item(a, 1, C.health_insurance, "健康保険 資格情報", [text("保険者名", "全国健康保険協会 愛知支部"),
                 day("資格取得日", date(2024, 4, 8)), text("本人・家族の別", "本人")], "全国健康保険協会", date(2026, 11, 1)),
            item(a, 1, C.medical_costs, "医療費通知情報（令和8年1月～9月）", [amount("医療費の総額", 18_400),
                 amount("窓口負担相当額", 5_520)], "全国健康保険協会", date(2026, 10, 31)),
            item(a, 1, C.checkups, "事業者健診 結果", [day("受診日", date(2026, 5, 20)), text("判定", "異常なし")],
                 "全国健康保険協会", date(2026, 6, 30)),
            item(a, 1, C.household, "世帯情報", [text("世帯主", "グエン　ヴァン　アン"), text("世帯員数", "1人")],
                 "愛知県豊田市", DEMO_TODAY),
        ],
        ana: [
            item(ana, 1, C.tax_income, "令和8年度 個人住民税 課税情報", [amount("総所得金額等", 1_120_000),
                 amount("市民税・県民税 年税額", 0), text("課税区分", "非課税")], "静岡県浜松市", fy_tax_asof),
            item(ana, 1, C.pension, "国民年金 第3号被保険者 記録", [day("資格取得日", date(2012, 10, 1)),
                 text("種別", "第3号被保険者")], "日本年金機構", date(2026, 11, 1)),
            item(ana, 1, C.health_insurance, "健康保険 資格情報", [text("保険者名", "全国健康保険協会 静岡支部"),
                 text("本人・家族の別", "家族（被扶養者）")], "全国健康保険協会", date(2026, 11, 1)),
            item(ana, 1, C.childcare, "児童手当 受給状況", [text("受給者", "ソウザ　パウロ"), text("対象児童数", "2人"),
                 amount("月額（合計）", 20_000), day("次回支払日", date(2026, 12, 10))], "静岡県浜松市", date(2026, 10, 10)),
            item(ana, 1, C.vaccinations, "予防接種 記録（ソウザ　ソフィア）", [text("ワクチン", "麻しん風しん混合（MR）第2期"),
                 day("接種日", date(2026, 5, 18))], "静岡県浜松市", date(2026, 5, 31)),
            item(ana, 1, C.household, "世帯情報", [text("世帯主", "ソウザ　パウロ"), text("世帯員数", "4人")],
                 "静岡県浜松市", DEMO_TODAY),
        ],
        paulo: [
            item(paulo, 1, C.tax_income, "令和8年度 個人住民税 課税情報", [amount("総所得金額等", 3_960_000),
                 amount("市民税・県民税 年税額", 214_300)], "静岡県浜松市", fy_tax_asof),
            item(paulo, 1, C.pension, "厚生年金保険 加入記録", [day("資格取得日", date(2010, 6, 1)),
                 text("加入月数", "197か月")], "日本年金機構", date(2026, 11, 1)),
            item(paulo, 1, C.health_insurance, "健康保険 資格情報", [text("保険者名", "全国健康保険協会 静岡支部"),
                 text("本人・家族の別", "本人")], "全国健康保険協会", date(2026, 11, 1)),
            item(paulo, 1, C.checkups, "特定健診 結果", [day("受診日", date(2026, 7, 2)), text("腹囲", "88.0cm"),
                 text("判定", "要経過観察（脂質）")], "全国健康保険協会", date(2026, 8, 31)),
            item(paulo, 1, C.childcare, "児童手当 受給状況", [text("受給者", "ソウザ　パウロ"), text("対象児童数", "2人"),
                 amount("月額（合計）", 20_000), day("次回支払日", date(2026, 12, 10))], "静岡県浜松市", date(2026, 10, 10)),
            item(paulo, 1, C.household, "世帯情報", [text("世帯主", "ソウザ　パウロ"), text("世帯員数", "4人")],
                 "静岡県浜松市", DEMO_TODAY),
        ],
        h: [
            item(h, 1, C.pension, "老齢基礎年金 受給情報", [amount("年金額（年額）", 792_000),
                 day("次回支払日", date(2026, 12, 15))], "日本年金機構", date(2026, 11, 1)),
            item(h, 1, C.health_insurance, "後期高齢者医療 資格情報", [text("保険者名", "秋田県後期高齢者医療広域連合"),
                 text("一部負担金の割合", "1割")], "秋田県後期高齢者医療広域連合", date(2026, 8, 1)),
            item(h, 1, C.medicines, "薬剤情報（令和8年10月）", [text("薬剤名", "アムロジピン錠5mg"), text("用量", "1日1回 1錠"),
                 day("調剤日", date(2026, 10, 14)), text("調剤薬局", "八橋みなみ薬局")],
                 "秋田県後期高齢者医療広域連合", date(2026, 11, 10)),
            item(h, 2, C.medicines, "薬剤情報（令和8年10月）", [text("薬剤名", "ドネペジル塩酸塩OD錠3mg"),
                 text("用量", "1日1回 1錠"), day("調剤日", date(2026, 10, 14))], "秋田県後期高齢者医療広域連合",
                 date(2026, 11, 10)),
            item(h, 1, C.medical_costs, "医療費通知情報（令和8年1月～9月）", [amount("医療費の総額", 412_600),
                 amount("窓口負担相当額", 41_260)], "秋田県後期高齢者医療広域連合", date(2026, 10, 31)),
            item(h, 1, C.checkups, "後期高齢者健診 結果", [day("受診日", date(2026, 6, 12)), text("血圧", "148/86 mmHg"),
                 text("判定", "要医療（血圧）")], "秋田県後期高齢者医療広域連合", date(2026, 7, 31)),
            item(h, 1, C.vaccinations, "予防接種 記録", [text("ワクチン", "高齢者インフルエンザ"),
                 day("接種日", date(2026, 10, 20))], "秋田県秋田市", date(2026, 10, 31)),
            item(h, 1, C.nursing_care, "介護保険 被保険者情報", [text("被保険者番号", "0512345678"),
                 text("被保険者区分", "第1号被保険者"), text("要介護状態区分", "認定なし（未申請）"),
                 amount("介護保険料（年額）", 76_800)], "秋田県秋田市", date(2026, 11, 1)),
            item(h, 1, C.household, "世帯情報", [text("世帯主", "佐藤 ハル"), text("世帯員数", "1人")], "秋田県秋田市", DEMO_TODAY),
        ],
        k: [
            item(k, 1, C.tax_income, "令和8年度 個人住民税 課税情報", [amount("総所得金額等", 2_760_000),
                 amount("市民税・県民税 年税額", 139_000)], "秋田県秋田市", fy_tax_asof),
            item(k, 1, C.health_insurance, "国民健康保険 資格情報", [text("保険者名", "秋田市国民健康保険"),
                 day("資格取得日", date(2021, 4, 1))], "秋田県秋田市", date(2026, 11, 1)),
            item(k, 1, C.checkups, "特定健診 結果", [day("受診日", date(2026, 9, 3)), text("判定", "異常なし")],
                 "秋田県秋田市", date(2026, 10, 15)),
            item(k, 1, C.pension, "国民年金 納付状況", [text("種別", "第1号被保険者"), text("納付済月数", "412か月")],
                 "日本年金機構", date(2026, 11, 1)),
        ],
        b: [
            item(b, 1, C.pension, "国民年金 保険料納付状況", [text("種別", "第1号被保険者"), amount("月額保険料", 17_510),
                 day("直近の納付日", date(2026, 10, 31)), text("納付済月数", "27か月")], "日本年金機構", date(2026, 11, 5)),
            item(b, 1, C.tax_income, "令和8年度 個人住民税 課税情報", [amount("給与収入", 1_020_000),
                 amount("特別区民税・都民税 年税額", 0), text("課税区分", "非課税")], "東京都新宿区", fy_tax_asof),
            item(b, 1, C.health_insurance, "国民健康保険 資格情報", [text("保険者名", "新宿区国民健康保険"),
                 day("資格取得日", date(2024, 4, 2))], "東京都新宿区", date(2026, 11, 1)),
            item(b, 1, C.medical_costs, "医療費通知情報（令和8年1月～9月）", [amount("医療費の総額", 9_800),
                 amount("窓口負担相当額", 2_940)], "東京都新宿区", date(2026, 10, 31)),
            item(b, 1, C.household, "世帯情報", [text("世帯主", "タパ　ビシュヌ"), text("世帯員数", "1人")], "東京都新宿区", DEMO_TODAY),
        ],
        cj: [
            item(cj, 1, C.childcare, "母子保健 情報", [day("母子健康手帳 交付日", date(2026, 4, 20)),
                 day("出生日", BABY_BIRTH), text("出生時体重", "3,120g")], "大阪府大阪市", DEMO_TODAY),
            item(cj, 1, C.checkups, "妊婦健康診査 受診記録", [text("受診回数", "14回"), day("最終受診日", date(2026, 11, 15))],
                 "大阪府大阪市", date(2026, 11, 20)),
            item(cj, 1, C.health_insurance, "健康保険 資格情報", [text("保険者名", "関西ITサービス健康保険組合"),
                 text("本人・家族の別", "家族（被扶養者）")], "関西ITサービス健康保険組合", date(2026, 11, 1)),
            item(cj, 1, C.medical_costs, "医療費通知情報（令和8年1月～9月）", [amount("医療費の総額", 86_300),
                 amount("窓口負担相当額", 25_890)], "関西ITサービス健康保険組合", date(2026, 10, 31)),
            item(cj, 1, C.household, "世帯情報", [text("世帯主", "李 偉"), text("世帯員数", "3人")], "大阪府大阪市", DEMO_TODAY),
        ],
        lw: [
            item(lw, 1, C.tax_income, "令和8年度 個人住民税 課税情報", [amount("総所得金額等", 5_480_000),
                 amount("市民税・府民税 年税額", 329_000)], "大阪府大阪市", fy_tax_asof),
            item(lw, 1, C.pension, "厚生年金保険 加入記録", [day("資格取得日", date(2019, 4, 1)), text("加入月数", "92か月")],
                 "日本年金機構", date(2026, 11, 1)),
            item(lw, 1, C.health_insurance, "健康保険 資格情報", [text("保険者名", "関西ITサービス健康保険組合"),
                 text("本人・家族の別", "本人")], "関西ITサービス健康保険組合", date(2026, 11, 1)),
            item(lw, 1, C.household, "世帯情報", [text("世帯主", "李 偉"), text("世帯員数", "3人")], "大阪府大阪市", DEMO_TODAY),
        ],
        m: [
            item(m, 1, C.tax_income, "令和8年度 個人住民税 課税情報", [amount("総所得金額等", 2_310_000),
                 amount("市民税・県民税 年税額", 112_400)], "神奈川県横浜市", fy_tax_asof),
            item(m, 1, C.pension, "厚生年金保険 加入記録", [day("資格取得日", date(2022, 9, 1)), text("加入月数", "51か月")],
                 "日本年金機構", date(2026, 11, 1)),
            item(m, 1, C.health_insurance, "健康保険 資格情報", [text("保険者名", "全国健康保険協会 神奈川支部"),
                 text("本人・家族の別", "本人")], "全国健康保険協会", date(2026, 11, 1)),
            item(m, 1, C.medicines, "薬剤情報（令和8年9月）", [text("薬剤名", "ロキソプロフェンナトリウム錠60mg"),
                 text("用量", "疼痛時 1回1錠"), day("調剤日", date(2026, 9, 22))], "全国健康保険協会", date(2026, 10, 10)),
            item(m, 1, C.medical_costs, "医療費通知情報（令和8年1月～9月）", [amount("医療費の総額", 64_200),
                 amount("窓口負担相当額", 19_260)], "全国健康保険協会", date(2026, 10, 31)),
            item(m, 1, C.checkups, "特定健診 結果", [day("受診日", date(2026, 8, 19)), text("HbA1c", "5.9%"),
                 text("判定", "要経過観察（血糖）")], "全国健康保険協会", date(2026, 9, 30)),
            item(m, 1, C.vaccinations, "予防接種 記録", [text("ワクチン", "B型肝炎（職域接種）"), day("接種日", date(2025, 11, 4))],
                 "神奈川県横浜市", date(2025, 11, 30)),
        ],
    }  # fmt: skip


# ------------------------------------------------------------------------------------------- notices


def _notices() -> dict[str, list[Notice]]:
    """お知らせ per resident; some carry a やさしい日本語 summary."""

    def notice(
        rid: str,
        n: int,
        days: int,
        sender: str,
        title: str,
        body: str,
        easy: str | None = None,
        lang: str = "ja",
        procedure: str | None = None,
        read: bool = False,
    ) -> Notice:
        sent = ago(days, 9, 30)
        return Notice(notice_id=f"ntc-{rid.removeprefix('res-')}-{n}", sent_at=sent, sender_agency=sender,
                      title=title, body=body, content_lang=lang, easy_ja_summary=easy,
                      related_procedure_id=procedure, read=read,
                      read_at=sent + timedelta(hours=5) if read else None)  # fmt: skip

    card_warning_body = (
        "在留期間の満了日とともに、マイナンバーカードおよび電子証明書の有効期限が到来します。"
        "在留期間の更新許可を受けた後、住所地の市区町村窓口でカードの有効期間の変更手続を行ってください。"
    )
    return {
        "res-nguyen-van-an": [
            notice("res-nguyen-van-an", 1, 3, "愛知県豊田市", "マイナンバーカードの有効期限が近づいています", card_warning_body,
                   easy="あなたの マイナンバーカードは もうすぐ つかえなく なります（きげん：2027年1月20日）。"
                        "在留カードを 新しく したあと、市役所に 行って ください。"),
            notice("res-nguyen-van-an", 2, 40, "日本年金機構", "ねんきん定期便（35歳未満の方）",
                   "これまでの年金加入期間と保険料納付額をお知らせします。", read=True),
        ],
        "res-souza-ana": [
            notice("res-souza-ana", 1, 20, "静岡県浜松市", "児童手当 支払のお知らせ（10月期）",
                   "令和8年10月10日に、8月分・9月分の児童手当をお支払いしました。", easy="10月10日に 児童手当を はらいました。"),
            notice("res-souza-ana", 2, 6, "静岡県浜松市", "転出の手続はマイナポータルからできます",
                   "市外へ引っ越す場合、転出届はマイナポータルから提出できます。転入届は新しい住所地の窓口で行ってください。",
                   easy="ひっこしの 前に、インターネットで 転出届を 出せます。", procedure="moving_out"),
        ],
        "res-souza-paulo": [
            notice("res-souza-paulo", 1, 20, "静岡県浜松市", "児童手当 支払のお知らせ（10月期）",
                   "令和8年10月10日に、8月分・9月分の児童手当をお支払いしました。", read=True),
        ],
        "res-sato-haru": [
            notice("res-sato-haru", 1, 10, "秋田県秋田市", "介護保険料 納入通知書（第5期）",
                   "令和8年度 介護保険料 第5期分（12月）の納期限は令和8年12月25日です。",
                   easy="12月25日までに 介護保険料を はらって ください。"),
            notice("res-sato-haru", 2, 2, "秋田県秋田市", "要介護認定の申請について",
                   "介護サービスを利用するには要介護認定が必要です。ご家族が代理で申請することもできます。",
                   easy="介護の サービスを つかうには、申請が ひつようです。家族も 申請できます。",
                   procedure="care_certification"),
        ],
        "res-sato-keiko": [
            notice("res-sato-keiko", 1, 30, "秋田県秋田市", "特定健診 結果のお知らせ", "令和8年度の特定健診の結果を登録しました。", read=True),
        ],
        "res-thapa-bishnu": [
            notice("res-thapa-bishnu", 1, 12, "日本年金機構", "学生納付特例制度のご案内",
                   "学生の方は、申請により在学中の国民年金保険料の納付が猶予されます。本人の前年所得が一定以下の方が対象です。",
                   easy="学生は 申請すると、年金の お金を あとで はらうことが できます。", procedure="pension_student_deferral"),
            notice("res-thapa-bishnu", 2, 25, "新宿区国際交流協会", "Free consultation for foreign residents",
                   "Free consultation in English and Nepali every Saturday at the Shinjuku Multicultural Plaza.", lang="en"),
        ],
        "res-chen-jing": [
            notice("res-chen-jing", 1, 1, "大阪府大阪市", "児童手当の申請はお済みですか",
                   "お子さんが生まれた日の翌日から15日以内に認定請求をすると、翌月分から児童手当が支給されます。",
                   easy="赤ちゃんが 生まれたら、15日の 間に 児童手当を 申請して ください。", procedure="child_allowance"),
            notice("res-chen-jing", 2, 1, "出入国在留管理庁", "出生した子の在留資格取得許可申請",
                   "日本で生まれた外国籍の子は、出生の日から30日以内に在留資格の取得を申請する必要があります。",
                   easy="赤ちゃんの 在留資格を 30日の 間に 申請して ください。"),
        ],
        "res-li-wei": [
            notice("res-li-wei", 1, 1, "大阪府大阪市", "児童手当の申請はお済みですか",
                   "お子さんが生まれた日の翌日から15日以内に認定請求をすると、翌月分から児童手当が支給されます。"
                   "受給者は原則として所得の高い方の保護者です。",
                   easy="赤ちゃんが 生まれたら、15日の 間に 児童手当を 申請して ください。", procedure="child_allowance"),
        ],
        "res-santos-maria": [
            notice("res-santos-maria", 1, 8, "デジタル庁", "公金受取口座の登録のお願い",
                   "給付金や税の還付金を受け取るための口座を、マイナポータルから登録できます。",
                   easy="お金を 受け取る 銀行の 口座を 登録して ください。"),
            notice("res-santos-maria", 2, 45, "全国健康保険協会", "健診結果を登録しました", "令和8年度 特定健診の結果を登録しました。", read=True),
        ],
    }  # fmt: skip


# ------------------------------------------------------------------------------------------- access records


def _access_records() -> list[tuple[str, AccessRecord]]:
    """やりとり履歴 (before chain fields are known); oldest first so the chain is in time order."""
    rows: list[tuple[str, int, str, str | None, InfoCategory, str, str, str]] = [
        ("res-nguyen-van-an", 120, "日本年金機構", "愛知県豊田市", C.household, "住民票関係情報", "厚生年金保険の資格取得の確認", "第19条第8号"),
        ("res-souza-paulo", 110, "静岡県浜松市", "全国健康保険協会", C.health_insurance, "医療保険被保険者情報", "児童手当の支給に関する事務", "第19条第8号"),
        ("res-souza-ana", 110, "静岡県浜松市", "全国健康保険協会", C.health_insurance, "医療保険被保険者情報", "児童手当の支給に関する事務", "第19条第8号"),
        ("res-sato-haru", 95, "秋田県秋田市", "日本年金機構", C.pension, "年金給付関係情報", "介護保険料の賦課に関する事務", "第19条第8号"),
        ("res-thapa-bishnu", 80, "日本年金機構", "東京都新宿区", C.tax_income, "地方税関係情報", "国民年金保険料の免除等の審査", "第19条第8号"),
        ("res-santos-maria", 70, "神奈川県横浜市", "全国健康保険協会", C.health_insurance, "医療保険被保険者情報", "国民健康保険の資格確認", "第19条第8号"),
        ("res-sato-haru", 60, "秋田県後期高齢者医療広域連合", "秋田県秋田市", C.tax_income, "地方税関係情報", "後期高齢者医療の一部負担金割合の判定", "第19条第8号"),
        ("res-li-wei", 50, "大阪府大阪市", "日本年金機構", C.pension, "年金給付関係情報", "市町村民税の賦課に関する事務", "第19条第8号"),
        ("res-nguyen-van-an", 40, "出入国在留管理庁", "愛知県豊田市", C.tax_income, "地方税関係情報", "在留期間更新の審査", "第19条第8号"),
        ("res-souza-paulo", 30, "国税庁", "静岡県浜松市", C.tax_income, "地方税関係情報", "所得税の確定申告の確認", "第19条第8号"),
        ("res-sato-keiko", 25, "秋田県秋田市", "日本年金機構", C.pension, "年金給付関係情報", "国民健康保険税の賦課", "第19条第8号"),
        ("res-chen-jing", 20, "大阪府大阪市", "関西ITサービス健康保険組合", C.health_insurance, "医療保険被保険者情報", "出産育児一時金の支給", "第19条第8号"),
        ("res-santos-maria", 15, "日本年金機構", "神奈川県横浜市", C.household, "住民票関係情報", "厚生年金保険の被保険者の住所変更", "第19条第8号"),
        ("res-thapa-bishnu", 10, "東京都新宿区", "日本年金機構", C.pension, "年金給付関係情報", "国民健康保険税の軽減判定", "第19条第8号"),
        ("res-sato-haru", 4, "秋田県秋田市", "秋田県後期高齢者医療広域連合", C.medical_costs, "医療保険給付関係情報", "介護保険の要介護認定の準備", "第19条第8号"),
        ("res-chen-jing", 2, "大阪府大阪市", None, C.household, "住民票関係情報", "出生届に伴う住民票の作成", "第9条第1項"),
    ]  # fmt: skip
    out: list[tuple[str, AccessRecord]] = []
    for n, (rid, days, agency, counterpart, cat, item_title, purpose, article) in enumerate(rows, start=1):
        record = AccessRecord(
            record_id=f"acc-{n:04d}", agency=agency, counterpart_agency=counterpart, category=cat,
            item_title=item_title, accessed_at=ago(days, 8 + n % 8, (n * 7) % 60), purpose=purpose,
            legal_basis=LegalBasis(law=MYNUMBER_ACT, article=article), chain_seq=0, chain_hash="",
        )  # fmt: skip
        out.append((rid, record))
    return out


def access_record_payload(resident_id: str, record: AccessRecord) -> dict[str, Any]:
    """What the chain stores for an access record (everything but the chain fields themselves)."""
    data = record.model_dump(mode="json", exclude={"chain_seq", "chain_hash"})
    data["resident_id"] = resident_id
    return data


# ------------------------------------------------------------------------------------------- services and procedures


def external_services() -> list[ExternalService]:
    """外部サイト連携 catalogue."""
    return [
        ExternalService(service_id="e-tax", name="e-Tax", name_ja="e-Tax（国税電子申告・納税システム）", operator_ja="国税庁",
                        receives=[C.tax_income, C.medical_costs],
                        description_ja="確定申告で医療費通知情報などの控除証明書等を自動入力します。"),
        ExternalService(service_id="nenkin-net", name="Nenkin Net", name_ja="ねんきんネット", operator_ja="日本年金機構",
                        receives=[C.pension], description_ja="年金記録や将来の年金見込額を確認できます。"),
        ExternalService(service_id="kosodate-app", name="Parenting app", name_ja="母子健康手帳アプリ（民間）",
                        operator_ja="株式会社すくすくデジタル", receives=[C.vaccinations, C.childcare, C.checkups],
                        description_ja="予防接種の記録や乳幼児健診の情報をアプリに取り込みます。"),
        ExternalService(service_id="kaigo-navi", name="Care navigator", name_ja="介護サービス情報ナビ", operator_ja="秋田県",
                        receives=[C.nursing_care], description_ja="要介護認定の状況に応じて、近くの介護サービスを案内します。"),
    ]  # fmt: skip


def procedures() -> list[Procedure]:
    """Procedures that can be applied for online; thresholds are data (`parameters`)."""
    relation_options = [FieldOption(value="self", label_ja="本人"), FieldOption(value="family", label_ja="家族（代理）"),
                        FieldOption(value="provider", label_ja="居宅介護支援事業者")]  # fmt: skip
    return [
        Procedure(
            procedure_id="child_allowance", title_ja="児童手当 認定請求", agency_ja="お住まいの市区町村",
            summary_ja="子どもを養育している方が児童手当を受け取るための申請です。",
            life_events=["birth", "move_in"],
            eligibility_ja="18歳到達後最初の3月31日までの子を養育している方。所得制限はありません。受給者は原則として所得の高い方の保護者です。",
            required_documents=["受給者名義の口座情報（公金受取口座を利用できます）", "健康保険の資格情報"],
            deadline_ja="出生日・転入日の翌日から15日以内に申請すると翌月分から支給されます。",
            parameters={"monthly_under_3_yen": 15_000, "monthly_3_to_18_yen": 10_000, "monthly_third_child_yen": 30_000,
                        "apply_within_days": 15, "payment_months": "2,4,6,8,10,12", "rules_since": "2024-10"},
            fields=[
                FormField(name="child_name_kana", type=FieldType.katakana, label_ja="子の氏名（カタカナ）", max_length=60,
                          help_ja="例：リ　ショウウ"),
                FormField(name="child_birth_date", type=FieldType.date, label_ja="子の生年月日"),
                FormField(name="children_supported", type=FieldType.number, label_ja="養育している子の人数（22歳年度末まで）",
                          min_value=1, max_value=20),
                FormField(name="payee_is_higher_earner", type=FieldType.boolean, label_ja="請求者は所得の高い方の保護者ですか"),
                FormField(name="use_public_fund_account", type=FieldType.boolean, label_ja="公金受取口座で受け取る"),
            ]),
        Procedure(
            procedure_id="moving_out", title_ja="転出届", agency_ja="お住まいの市区町村",
            summary_ja="他の市区町村へ引っ越すときの届出です。転入届は新住所地の窓口で14日以内に行います。",
            life_events=["moving"],
            eligibility_ja="有効なマイナンバーカードをお持ちの15歳以上の方。国内の引っ越しに限ります。署名用電子証明書で署名します。",
            required_documents=["マイナンバーカード（署名用電子証明書）"],
            deadline_ja="引っ越しの30日前から、引っ越し後10日まで。",
            parameters={"days_before_move": 30, "days_after_move": 10, "min_age": 15, "move_in_within_days": 14},
            fields=[
                FormField(name="move_date", type=FieldType.date, label_ja="引っ越し日（予定日）"),
                FormField(name="new_postal_code", type=FieldType.postal_code, label_ja="新しい住所の郵便番号"),
                FormField(name="new_address", type=FieldType.text, label_ja="新しい住所", max_length=200),
                FormField(name="members_moving", type=FieldType.number, label_ja="一緒に引っ越す人数（本人を含む）",
                          min_value=1, max_value=20),
            ]),
        Procedure(
            procedure_id="care_certification", title_ja="要介護・要支援認定申請", agency_ja="お住まいの市区町村（介護保険担当）",
            summary_ja="介護保険のサービスを利用するための認定を申請します。",
            life_events=["care"],
            eligibility_ja="65歳以上の方（第1号被保険者）は原因を問いません。40〜64歳の方は16の特定疾病による場合に限ります。"
                           "本人、家族（代理）、居宅介護支援事業者が申請できます。",
            required_documents=["介護保険被保険者証（40〜64歳の方は医療保険の資格情報）", "主治医の氏名と医療機関名"],
            deadline_ja="結果は原則として申請から30日以内に通知されます。",
            parameters={"first_insured_min_age": 65, "second_insured_min_age": 40, "second_insured_max_age": 64,
                        "result_within_days": 30, "specified_diseases": 16},
            fields=[
                FormField(name="insured_number", type=FieldType.text, label_ja="介護保険 被保険者番号", max_length=10,
                          prefill_from="info.nursing_care.被保険者番号"),
                FormField(name="applicant_relation", type=FieldType.select, label_ja="申請者と本人の関係", options=relation_options),
                FormField(name="doctor_name", type=FieldType.text, label_ja="主治医の氏名", max_length=60),
                FormField(name="clinic_name", type=FieldType.text, label_ja="医療機関名", max_length=100),
                FormField(name="visit_notes", type=FieldType.text, label_ja="訪問調査の希望（任意）", required=False,
                          max_length=500),
            ]),
        Procedure(
            procedure_id="pension_student_deferral", title_ja="国民年金保険料 学生納付特例申請", agency_ja="日本年金機構",
            summary_ja="学生の方が在学中の国民年金保険料の納付を猶予してもらうための申請です。",
            life_events=["study", "pension"],
            eligibility_ja="大学・短大・専門学校などの学生で、本人の前年所得が基準以下の方。外国籍の方も対象です。",
            required_documents=["学生証の写し、または在学証明書"],
            parameters={"income_limit_base_yen": 1_280_000, "income_limit_per_dependant_yen": 380_000,
                        "monthly_premium_yen": 17_510, "fiscal_year": "FY2025 (check)"},
            fields=[
                FormField(name="school_name", type=FieldType.text, label_ja="学校名", max_length=100),
                FormField(name="school_type", type=FieldType.select, label_ja="学校の種類", options=[
                    FieldOption(value="university", label_ja="大学・大学院"),
                    FieldOption(value="junior_college", label_ja="短期大学"),
                    FieldOption(value="vocational", label_ja="専修学校・各種学校"),
                    FieldOption(value="other", label_ja="その他")]),
                FormField(name="enrolled_since", type=FieldType.date, label_ja="入学年月日"),
                FormField(name="previous_year_income", type=FieldType.amount_yen, label_ja="前年の所得（円）",
                          min_value=0, max_value=100_000_000),
                FormField(name="dependants", type=FieldType.number, label_ja="扶養親族の数", min_value=0, max_value=20),
            ]),
        Procedure(
            procedure_id="pension_exemption", title_ja="国民年金保険料 免除・納付猶予申請", agency_ja="日本年金機構",
            summary_ja="所得が少なく保険料を納めることが難しい方のための申請です（全額・4分の3・半額・4分の1免除）。",
            life_events=["pension", "job_loss"],
            eligibility_ja="20〜59歳の国民年金第1号被保険者。世帯の前年所得で審査します。",
            required_documents=["離職票など（失業を理由とする場合）"],
            parameters={"full_exemption_base_yen": 320_000, "full_exemption_per_person_yen": 350_000,
                        "monthly_premium_yen": 17_510, "fiscal_year": "FY2025 (check)"},
            fields=[
                FormField(name="household_income", type=FieldType.amount_yen, label_ja="世帯の前年所得（円）",
                          min_value=0, max_value=100_000_000),
                FormField(name="dependants", type=FieldType.number, label_ja="扶養親族の数", min_value=0, max_value=20),
                FormField(name="reason", type=FieldType.select, label_ja="申請の理由", options=[
                    FieldOption(value="low_income", label_ja="所得が少ない"),
                    FieldOption(value="unemployment", label_ja="失業"),
                    FieldOption(value="disaster", label_ja="災害")]),
            ]),
    ]  # fmt: skip


# ------------------------------------------------------------------------------------------- write it all


def _dump(model: Any) -> str:
    return model.model_dump_json()


def seed(conn: sqlite3.Connection) -> None:
    """Insert every demo row; the caller owns the transaction."""
    now = datetime.now(UTC)
    for position, (card_id, rid, name, latin) in enumerate(CARDS):
        conn.execute(
            "INSERT INTO cards (card_id, resident_id, display_name, display_name_latin, pin, position)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (card_id, rid, name, latin, DEMO_PIN, position),
        )
    for profile in _profiles():
        conn.execute(
            "INSERT INTO residents (resident_id, data) VALUES (?, ?)", (profile.resident_id, _dump(profile))
        )
        for category in InfoCategory:
            for recipient in Recipient:
                # Public agencies receive by law; private linked services only after the resident opts in.
                allowed = recipient is not Recipient.linked_services
                conn.execute(
                    "INSERT INTO disclosure (resident_id, category, recipient, allowed) VALUES (?, ?, ?, ?)",
                    (profile.resident_id, category.value, recipient.value, int(allowed)),
                )
    for rid, items in _items().items():
        for position, item in enumerate(items):
            conn.execute(
                "INSERT INTO info_items (item_id, resident_id, category, position, data) VALUES (?, ?, ?, ?, ?)",
                (item.item_id, rid, item.category.value, position, _dump(item)),
            )
    for rid, notices in _notices().items():
        for notice in notices:
            conn.execute(
                "INSERT INTO notices (notice_id, resident_id, sent_at, read_at, data) VALUES (?, ?, ?, ?, ?)",
                (notice.notice_id, rid, notice.sent_at.isoformat(),
                 notice.read_at.isoformat() if notice.read_at else None, _dump(notice)),
            )  # fmt: skip
    for rid, record in _access_records():
        hashchain.append(conn, ChainKind.access_record, rid, access_record_payload(rid, record))
    for position, service in enumerate(external_services()):
        conn.execute("INSERT INTO services (service_id, position, data) VALUES (?, ?, ?)",
                     (service.service_id, position, _dump(service)))  # fmt: skip
    links = [
        ("res-souza-paulo", "e-tax", 200),
        ("res-sato-keiko", "nenkin-net", 300),
        ("res-li-wei", "e-tax", 150),
    ]
    for rid, service_id, days in links:
        conn.execute("INSERT INTO service_links (resident_id, service_id, linked_at) VALUES (?, ?, ?)",
                     (rid, service_id, ago(days).isoformat()))  # fmt: skip
    for position, procedure in enumerate(procedures()):
        conn.execute("INSERT INTO procedures (procedure_id, position, data) VALUES (?, ?, ?)",
                     (procedure.procedure_id, position, _dump(procedure)))  # fmt: skip
    # Keiko is Haru's proxy (代理人) for everything.
    conn.execute(
        "INSERT INTO proxies (proxy_id, principal_id, proxy_resident_id, scope, created_at) VALUES (?, ?, ?, ?, ?)",
        ("prx-haru-keiko", "res-sato-haru", "res-sato-keiko", json.dumps([s.value for s in ProxyScope]),
         ago(90).isoformat()),
    )  # fmt: skip
    accounts = {  # Maria has none yet: registering one is her task.
        "res-nguyen-van-an": (
            "0005",
            "251",
            AccountType.ordinary,
            "1234567",
            "グエン ヴァン アン",
            "三菱ＵＦＪ銀行",
        ),
        "res-souza-paulo": ("0149", "112", AccountType.ordinary, "2345678", "ソウザ パウロ", "静岡銀行"),
        "res-souza-ana": ("9900", "418", AccountType.ordinary, "3456789", "ソウザ アナ", "ゆうちょ銀行"),
        "res-sato-haru": ("0117", "101", AccountType.ordinary, "4567890", "サトウ ハル", "秋田銀行"),
        "res-sato-keiko": ("0117", "105", AccountType.ordinary, "5678901", "サトウ ケイコ", "秋田銀行"),
        "res-thapa-bishnu": ("9900", "008", AccountType.ordinary, "6789012", "タパ ビシュヌ", "ゆうちょ銀行"),
        "res-chen-jing": ("0009", "101", AccountType.ordinary, "7890123", "チン セイ", "三井住友銀行"),
        "res-li-wei": ("0009", "101", AccountType.ordinary, "8901234", "リ イ", "三井住友銀行"),
    }
    for rid, (bank, branch, kind, number, holder, bank_name) in accounts.items():
        account = PublicFundAccount(bank_code=bank, branch_code=branch, account_type=kind, account_number=number,
                                    holder_kana=holder, bank_name_ja=bank_name, registered_at=ago(400),
                                    updated_at=ago(400))  # fmt: skip
        conn.execute("INSERT INTO accounts (resident_id, data) VALUES (?, ?)", (rid, _dump(account)))
    devices = {"res-nguyen-van-an": "Android / Chrome", "res-souza-ana": "Android / Chrome",
               "res-souza-paulo": "Windows / Edge", "res-sato-haru": "iPad / Safari",
               "res-sato-keiko": "iPhone / Safari", "res-thapa-bishnu": "Android / Chrome",
               "res-chen-jing": "iPhone / Safari", "res-li-wei": "macOS / Chrome",
               "res-santos-maria": "Android / Samsung Internet"}  # fmt: skip
    for n, (rid, device) in enumerate(devices.items()):
        method = "smartphone" if device.startswith(("Android", "iPhone")) else "card"
        entries = [(30 + n, "sign_in", None), (30 + n, "view_info", None), (30 + n, "sign_out", None),
                   (3 + n % 4, "sign_in", None), (3 + n % 4, "view_notices", None)]  # fmt: skip
        for days, action, detail in entries:
            hashchain.log_activity(conn, resident_id=rid, actor_id=rid, action=action, device=device, method=method,
                                   detail=detail, at=ago(days, 20, 15))  # fmt: skip
    hashchain.log_activity(conn, resident_id="res-sato-haru", actor_id="res-sato-keiko", action="view_info",
                           device="iPhone / Safari", method="smartphone", detail="proxy", at=ago(2, 19, 40))  # fmt: skip
    _ = now
