//! Our NFC and our CSV reader against independent implementations, on generated
//! inputs: `unicode-normalization` for [`kyso::forms::nfc::nfc`] and the `csv` crate
//! for the CSV side of [`kyso::forms::import_csv`] (both dev-dependencies of native
//! tests only: the page never carries them).
//!
//! Where kyso differs on purpose, the difference is written down and asserted as
//! such (`nfc_differs_only_where_documented`, `csv_differs_only_where_documented`),
//! so that changing either behaviour changes this file too:
//!
//! NFC — kyso's table covers Latin letters (U+00C0–U+024F, U+1E00–U+1EFF: every
//! Vietnamese letter) and the marks U+0300–U+036F; that is exactly NFC for
//! Vietnamese text and for any text made of U+0000–U+024F, U+1E00–U+1EFF and those
//! marks, which the random inputs below are drawn from. Outside it, text passes
//! unchanged: other scripts (Greek, Cyrillic, Hangul) are not composed, marks outside
//! U+0300–U+036F (U+1DC0…, U+20D0…) count as starters, and the singleton
//! decompositions (U+212B ANGSTROM SIGN → Å, U+2126 OHM SIGN → Ω, U+037E GREEK
//! QUESTION MARK → `;`, U+2000 EN QUAD → U+2002, and the marks U+0340, U+0341,
//! U+0343, U+0344 → U+0300, U+0301, U+0313, U+0308 U+0301) are not applied, and
//! `<` `=` `>` followed by U+0338 stay two characters (NFC makes them the symbols
//! ≮ ≠ ≯: the only compositions of an ASCII or Latin base that leave the Latin
//! blocks).
//!
//! CSV — kyso reads a list, not any CSV: it sniffs the delimiter (`,` `;` tab) on
//! the first line, drops every CR (CRLF = LF, also inside quoted cells, and a lone
//! CR is no line break; a CR still separates two quotes: `"a"CR"` closes the cell), opens a quoted cell after leading spaces (`a, "b,c"` is two
//! cells; for `csv` the quote is literal and the comma splits), refuses an
//! unterminated quote (naming its line; `csv` reads to the end of the file),
//! decodes UTF-16 with a BOM (Excel's "Unicode text"), and then makes rows: blank
//! lines are skipped, cells trimmed and put in NFC, a non-blank cell beyond the
//! header is an error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use kyso::forms::nfc::nfc;
use kyso::forms::{self, Field, FormKind, ImportError, Row};
use unicode_normalization::UnicodeNormalization;

use common::rng::Rng;

fn std_nfc(s: &str) -> String {
    s.nfc().collect()
}

// ------------------------------------------------------------------ NFC

/// Vietnamese vowels, their tone marks, and the ways keyboards and macOS write them.
const VOWELS: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "A", "Ă", "Â", "E", "Ê", "I", "O",
    "Ô", "Ơ", "U", "Ư", "Y",
];
const TONES: &[char] = &['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];
const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "Đ", "Ng", "Tr", "Nh",
];
const CODAS: &[&str] = &[
    "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y",
];

/// One Vietnamese syllable, its vowel written precomposed, half or fully decomposed,
/// the tone mark before or after the vowel's own mark.
fn syllable(rng: &mut Rng) -> String {
    let vowel = rng.pick(VOWELS).to_string();
    let tone = rng.chance(80).then(|| rng.pick(TONES));
    let mut v: Vec<char> = match rng.below(3) {
        // Precomposed letter, tone as a separate mark.
        0 => vowel.chars().collect(),
        // Fully decomposed (macOS, "Unicode tổ hợp").
        _ => vowel.nfd().collect(),
    };
    if let Some(t) = tone {
        v.push(t);
        if v.len() == 3 && rng.chance(50) {
            // Dot below and circumflex/breve/horn in the "wrong" order.
            v.swap(1, 2);
        }
    }
    let mut s = rng.pick(ONSETS).to_string();
    if rng.chance(30) {
        // Sometimes precompose what we can, as most keyboards do.
        s.push_str(&std_nfc(&v.iter().collect::<String>()));
    } else {
        s.extend(v);
    }
    s.push_str(rng.pick(CODAS));
    s
}

#[test]
fn nfc_equals_unicode_on_vietnamese() {
    let mut rng = Rng(0x4E46_4320_5649_4554);
    for _ in 0..20_000 {
        let n = 1 + rng.below(6);
        let mut text = String::new();
        for i in 0..n {
            if i > 0 {
                text.push_str(rng.pick(&[" ", " ", ", ", "-", "\n", " (", ") "]));
            }
            text.push_str(&syllable(&mut rng));
        }
        assert_eq!(nfc(&text), std_nfc(&text), "{text:?} ({})", escape(&text));
    }
    // The names of people and agencies as they arrive decomposed.
    for name in [
        "Nguye\u{0302}\u{0303}n Va\u{0306}n Đu\u{031B}\u{0301}c",
        "Pha\u{0323}m Thi\u{0323} Ngo\u{0323}c A\u{0301}nh",
        "Sơ\u{0309} Tài chi\u{0301}nh ti\u{0309}nh Thư\u{031B}\u{0309} Nghie\u{0323}\u{0302}m",
        "Tru\u{031B}\u{031B}\u{0300}ng",
    ] {
        assert_eq!(nfc(name), std_nfc(name), "{}", escape(name));
    }
}

/// Random strings over kyso's scope: ASCII, Latin-1 and Latin Extended letters,
/// Latin Extended Additional, and the combining marks U+0300–U+036F (but the four
/// singletons and U+0338 after `<` `=` `>`, documented below), in any order and
/// number.
#[test]
fn nfc_equals_unicode_on_random_latin_text() {
    let singletons = ['\u{0340}', '\u{0341}', '\u{0343}', '\u{0344}'];
    let mut rng = Rng(0x5241_4E44_4F4D_4E46);
    for _ in 0..50_000 {
        let len = rng.below(10);
        let text: String = (0..len)
            .map(|_| {
                loop {
                    let c = match rng.below(10) {
                        0 => char::from(b' ' + rng.below(95) as u8),
                        1 | 2 => char::from_u32(0xC0 + rng.below(0x250 - 0xC0) as u32).unwrap(),
                        3 | 4 => char::from_u32(0x1E00 + rng.below(0x100) as u32).unwrap(),
                        5 => rng.pick(&['a', 'e', 'o', 'u', 'A', 'E', 'O', 'U', 'y', 'n']),
                        _ => char::from_u32(0x300 + rng.below(0x70) as u32).unwrap(),
                    };
                    if !singletons.contains(&c) && c != '\u{0338}' {
                        break c;
                    }
                }
            })
            .collect();
        assert_eq!(nfc(&text), std_nfc(&text), "{}", escape(&text));
    }
}

/// Where kyso's NFC is not NFC, on purpose: outside the Latin letters it passes
/// text unchanged.
#[test]
fn nfc_differs_only_where_documented() {
    for (text, why) in [
        ("\u{03B1}\u{0301}", "Greek letter + mark (NFC: U+03AC)"),
        ("\u{0438}\u{0306}", "Cyrillic letter + mark (NFC: U+0439)"),
        ("\u{1100}\u{1161}", "Hangul jamo (NFC: U+AC00)"),
        (
            "a\u{1DCA}\u{0301}",
            "a mark outside U+0300-U+036F counts as a starter",
        ),
        ("\u{212B}", "ANGSTROM SIGN (NFC: U+00C5)"),
        ("\u{2126}", "OHM SIGN (NFC: U+03A9)"),
        ("\u{037E}", "GREEK QUESTION MARK (NFC: ;)"),
        ("\u{2000}", "EN QUAD (NFC: U+2002)"),
        ("a\u{0340}", "singleton mark U+0340 (NFC: à)"),
        ("a\u{0341}", "singleton mark U+0341 (NFC: á)"),
        ("a\u{0343}", "singleton mark U+0343 (NFC: a U+0313)"),
        ("a\u{0344}", "singleton mark U+0344 (NFC: ä U+0301)"),
        (
            "<\u{0338}",
            "< with a long solidus overlay (NFC: U+226E, a symbol)",
        ),
        ("=\u{0338}", "= with a long solidus overlay (NFC: U+2260)"),
        (">\u{0338}", "> with a long solidus overlay (NFC: U+226F)"),
    ] {
        assert_ne!(std_nfc(text), text, "{why}: NFC changes it");
        assert_eq!(nfc(text), text, "{why}: kyso leaves it as it is");
    }
}

fn escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c.to_string()
            } else {
                format!("\\u{{{:04X}}}", c as u32)
            }
        })
        .collect()
}

// ------------------------------------------------------------------ CSV

/// Form 05's free-text columns, as printed in its table: what the rows are
/// compared on.
const COLUMNS: [(&str, Field); 4] = [
    ("Tên chứng thư số", Field::CertName),
    ("Thư điện tử công vụ", Field::Email),
    ("Số hiệu thiết bị lưu khóa bí mật", Field::TokenSerial),
    ("Lý do thu hồi", Field::Reason),
];

/// How the bytes reach kyso.
#[derive(Clone, Copy, Debug)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

fn encode(text: &str, enc: Encoding) -> Vec<u8> {
    match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
    }
}

/// kyso's rows, as the compared columns.
fn kyso_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    let rows = forms::import_csv(FormKind::F05, bytes)?;
    Ok(rows.iter().map(columns_of).collect())
}

fn columns_of(r: &Row) -> Vec<String> {
    COLUMNS.iter().map(|(_, f)| r.get(*f).to_string()).collect()
}

/// The `csv` crate's records of `text` (UTF-8, no BOM), made into rows as kyso's
/// import does: the header line skipped, blank records skipped, cells trimmed and
/// in NFC; a non-blank cell beyond the header is an error (`import_extra_cell`).
fn csv_rows(text: &str, delim: u8) -> Result<Vec<Vec<String>>, &'static str> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.unwrap();
        if i == 0 {
            let header: Vec<&str> = rec.iter().collect();
            let want: Vec<&str> = COLUMNS.iter().map(|(h, _)| *h).collect();
            assert_eq!(header, want, "the generator writes the header first");
            continue;
        }
        let cells: Vec<&str> = rec.iter().collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if cells
            .iter()
            .skip(COLUMNS.len())
            .any(|c| !c.trim().is_empty())
        {
            return Err("import_extra_cell");
        }
        out.push(
            (0..COLUMNS.len())
                .map(|i| std_nfc(cells.get(i).copied().unwrap_or("").trim()))
                .collect(),
        );
    }
    Ok(out)
}

/// A cell's text: Vietnamese words (precomposed or not), quotes, delimiters, line
/// breaks (LF and CRLF), spaces inside and around.
fn cell_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(5) {
        match rng.below(12) {
            0 => s.push('"'),
            1 => s.push(rng.pick(&[',', ';', '\t'])),
            2 => s.push('\n'),
            3 => s.push_str("\r\n"),
            4 => s.push(' '),
            5 => s.push_str(rng.pick(&["0912345678", "5401A2B3C4D5", "x", "có"])),
            6 => s.push_str("thu@sgd.gov.vn"),
            _ => s.push_str(&syllable(rng)),
        }
    }
    s
}

/// Writes a cell as a CSV writer would: quoted (quotes doubled) when it must be, and
/// sometimes when it need not.
fn write_cell(rng: &mut Rng, cell: &str, delim: char) -> String {
    let must = cell.contains([delim, '"', '\n', '\r'])
        || cell.starts_with([' ', '\t'])
        || cell.ends_with([' ', '\t']);
    if must || rng.chance(25) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A well-formed list: the header, then rows of up to four cells, LF or CRLF,
/// blank lines here and there, with or without a final line break.
fn well_formed(rng: &mut Rng, delim: char) -> String {
    let nl = rng.pick(&["\n", "\r\n"]);
    let mut text: String = COLUMNS
        .iter()
        .map(|(h, _)| *h)
        .collect::<Vec<_>>()
        .join(&delim.to_string());
    for _ in 0..rng.below(8) {
        text.push_str(nl);
        if rng.chance(10) {
            text.push_str(nl);
        }
        let cells: Vec<String> = (0..1 + rng.below(COLUMNS.len()))
            .map(|_| {
                let c = cell_text(rng);
                write_cell(rng, &c, delim)
            })
            .collect();
        text.push_str(&cells.join(&delim.to_string()));
    }
    if rng.chance(50) {
        text.push_str(nl);
    }
    text
}

#[test]
fn csv_rows_equal_the_csv_crate_on_well_formed_lists() {
    let mut rng = Rng(0x4353_5620_5749_5448);
    let mut rows = 0;
    for case in 0..1_000 {
        let delim = rng.pick(&[',', ';', '\t']);
        let text = well_formed(&mut rng, delim);
        let enc = rng.pick(&[
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
        ]);
        let ours = kyso_rows(&encode(&text, enc))
            .unwrap_or_else(|e| panic!("case {case}: {e:?} for {text:?} ({enc:?})"));
        // The csv crate keeps a CR inside a quoted cell; kyso drops it (documented).
        let theirs: Vec<Vec<String>> = csv_rows(&text, delim as u8)
            .unwrap()
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.replace('\r', "")).collect())
            .collect();
        assert_eq!(ours, theirs, "case {case}: {text:?} ({enc:?})");
        // With no CR inside a cell, the csv crate's reading of CRLF itself agrees.
        if !has_cr_in_cell(&text) {
            assert_eq!(
                Ok(ours.clone()),
                csv_rows(&text, delim as u8),
                "case {case}"
            );
        }
        // The csv crate skips a UTF-8 BOM as kyso does.
        if matches!(enc, Encoding::Utf8Bom) {
            let with_bom = String::from_utf8(encode(&text, enc)).unwrap();
            assert_eq!(
                csv_rows(with_bom.trim_start_matches('\u{FEFF}'), delim as u8),
                csv_rows(&text, delim as u8)
            );
        }
        rows += ours.len();
    }
    assert!(rows > 2_000, "only {rows} rows compared");
}

/// True when some quoted cell of `text` holds a CR (the generator writes CRs only as
/// CRLF, and inside cells only when the cell is quoted).
fn has_cr_in_cell(text: &str) -> bool {
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\r' if quoted => return true,
            _ => {}
        }
    }
    false
}

/// Random text after the header (letters, marks, quotes, delimiters, LF and CRLF;
/// no spaces, so the leading-space quote rule never applies, and no lone CR,
/// documented below): kyso equals the csv crate reading the text with every CR
/// removed; where kyso finds an unterminated quote, closing it makes both agree.
#[test]
fn csv_rows_equal_the_csv_crate_on_random_text() {
    let mut rng = Rng(0x5241_4E44_4353_5621);
    let mut compared = 0;
    let mut unterminated = 0;
    let mut extra = 0;
    for case in 0..2_000 {
        let delim = rng.pick(&[',', ';', '\t']);
        let mut alphabet = vec![
            "\"", "\"", ",", ";", "\n", "\n", "\r\n", "a", "ệ", "e", "\u{0302}",
        ];
        // The delimiter more often, so that lines overflow the header.
        let d = delim.to_string();
        alphabet.extend([d.as_str(), d.as_str(), d.as_str()]);
        let header = COLUMNS
            .iter()
            .map(|(h, _)| *h)
            .collect::<Vec<_>>()
            .join(&delim.to_string());
        let body: String = (0..rng.below(24)).map(|_| rng.pick(&alphabet)).collect();
        let text = format!("{header}\n{body}");
        let plain = text.replace('\r', "");
        let (ours, theirs) = match kyso_rows(text.as_bytes()) {
            Err(e) if e.code == "import_unterminated_quote" => {
                unterminated += 1;
                let closed = format!("{text}\"");
                (
                    kyso_rows(closed.as_bytes()).map_err(|e| e.code),
                    csv_rows(&closed.replace('\r', ""), delim as u8),
                )
            }
            ours => (ours.map_err(|e| e.code), csv_rows(&plain, delim as u8)),
        };
        if theirs.is_err() {
            extra += 1;
        }
        assert_eq!(ours, theirs, "case {case}: {text:?}");
        compared += 1;
    }
    println!("{compared} compared, {unterminated} unterminated, {extra} extra");
    assert!(compared == 2_000 && unterminated > 200 && extra > 50);
}

/// Where kyso's CSV reading differs from the csv crate, on purpose.
#[test]
fn csv_differs_only_where_documented() {
    let header =
        "Tên chứng thư số,Thư điện tử công vụ,Số hiệu thiết bị lưu khóa bí mật,Lý do thu hồi";
    let case = |body: &str| format!("{header}\n{body}");

    // A quote after leading spaces opens a quoted cell (exports that pad after the
    // comma); for the csv crate it is a literal quote, and the comma inside splits.
    let t = case(r#"An, "b,c",d"#);
    assert_eq!(kyso_rows(t.as_bytes()).unwrap(), [["An", "b,c", "d", ""]]);
    assert_eq!(csv_rows(&t, b',').unwrap(), [["An", "\"b", "c\"", "d"]]);

    // CR inside a quoted cell is dropped: a cell's line breaks are LF.
    let t = case("\"Lê\r\nVăn\",x,y,z");
    assert_eq!(kyso_rows(t.as_bytes()).unwrap()[0][0], "Lê\nVăn");
    assert_eq!(csv_rows(&t, b',').unwrap()[0][0], "Lê\r\nVăn");

    // A lone CR is not a line break (old Mac files are not lists we expect).
    let t = case("a\rb,c");
    assert_eq!(kyso_rows(t.as_bytes()).unwrap(), [["ab", "c", "", ""]]);
    assert_eq!(csv_rows(&t, b',').unwrap().len(), 2);

    // A CR between two quotes is dropped after it closed the quoted cell.
    let t = case("\"a\"\r\"b\",c");
    assert_eq!(kyso_rows(t.as_bytes()).unwrap()[0][..2], ["a\"b\"", "c"]);
    assert_eq!(
        csv_rows(&t.replace('\r', ""), b',').unwrap()[0][..2],
        ["a\"b", "c"]
    );

    // An unterminated quote is an error naming its line; csv reads to the end.
    let t = case("a,\"b\nc,d");
    let e = kyso_rows(t.as_bytes()).unwrap_err();
    assert_eq!((e.code, e.line), ("import_unterminated_quote", Some(2)));
    assert_eq!(csv_rows(&t, b',').unwrap()[0][1], "b\nc,d");

    // UTF-16 with a BOM (Excel's "Unicode text", tab-separated) reads as UTF-8 does.
    let t = case("Nguyễn\tx\ty\tz").replace(',', "\t");
    assert_eq!(
        kyso_rows(&encode(&t, Encoding::Utf16Le)).unwrap(),
        kyso_rows(t.as_bytes()).unwrap()
    );
}
