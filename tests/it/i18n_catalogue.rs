//! Both languages carry the same keys with the same placeholders (that every code
//! has its keys is tests/it/recipes.rs).

use std::collections::BTreeSet;

use motcua_i18n::{EN_FILES, VI_FILES, parse_catalogue, placeholders};

#[test]
fn both_catalogues_parse() {
    parse_catalogue(VI_FILES).expect("vi catalogue parses");
    parse_catalogue(EN_FILES).expect("en catalogue parses");
}

#[test]
fn vietnamese_and_english_have_the_same_keys_and_placeholders() {
    let vi = parse_catalogue(VI_FILES).expect("vi");
    let en = parse_catalogue(EN_FILES).expect("en");
    let vi_keys: BTreeSet<_> = vi.keys().collect();
    let en_keys: BTreeSet<_> = en.keys().collect();
    let only_vi: Vec<_> = vi_keys.difference(&en_keys).collect();
    let only_en: Vec<_> = en_keys.difference(&vi_keys).collect();
    assert!(only_vi.is_empty(), "keys only in vi: {only_vi:?}");
    assert!(only_en.is_empty(), "keys only in en: {only_en:?}");
    let mut mismatched = Vec::new();
    for key in vi_keys {
        if placeholders(&vi[key]) != placeholders(&en[key]) {
            mismatched.push(key.clone());
        }
    }
    assert!(mismatched.is_empty(), "placeholders differ: {mismatched:?}");
}

#[test]
fn vietnamese_text_is_nfc() {
    use unicode_normalization::UnicodeNormalization;
    for (area, text) in VI_FILES {
        let nfc: String = text.nfc().collect();
        assert_eq!(&nfc, text, "locales/vi/{area}.toml is not NFC");
    }
}
