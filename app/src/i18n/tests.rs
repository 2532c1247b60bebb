//! The catalogues are complete: every message exists in every language, and every key the
//! code asks for exists. A key missing in Polish would otherwise fall back to English
//! silently, and a mistyped key would show its own name to the user.

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

use fluent_syntax::ast::Entry;

use super::{Lang, Msg, catalogue::has, tr, tr_args};

fn locales() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// The catalogue directories: what pages show (also in the browser), and what only the server
/// writes (e-mails, PDFs, spreadsheets). A key lives in one of them.
fn catalogue_dirs() -> [PathBuf; 2] {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("locales"), root.join("locales-server")]
}

/// The message ids of one language's files, parsed by Fluent's own parser (a syntax error
/// fails the test with the file's name).
fn keys(lang: Lang) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut files: Vec<_> = Vec::new();
    for dir in catalogue_dirs().map(|d| d.join(lang.tag())) {
        let before = files.len();
        files.extend(
            fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "ftl")),
        );
        assert!(files.len() > before, "no catalogue in {}", dir.display());
    }
    files.sort();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                assert!(
                    keys.insert(m.id.name.to_owned()),
                    "{} defines {} twice",
                    file.display(),
                    m.id.name
                );
            }
        }
    }
    keys
}

#[test]
fn every_message_exists_in_every_language() {
    let english = keys(Lang::En);
    for lang in Lang::ALL {
        let other = keys(lang);
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
        assert!(
            extra.is_empty(),
            "only in {lang}, not in English: {extra:?}"
        );
    }
}

/// Rust sources under `dir`, recursively.
fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The string literals that name catalogue keys in `text`: the first argument of `t(`,
/// `t_args(` and `Msg::new(`, the second of `tr(` and `tr_args(`, and every literal that starts with a prefix
/// only keys use (menu entries, page titles, refusals, statuses passed around as keys).
fn keys_in(text: &str) -> Vec<String> {
    const KEY_PREFIXES: [&str; 27] = [
        "organization-type-",
        "product-kind-",
        "organization-status-",
        "revocation-reason-",
        "certificate-title-",
        "account-status-",
        "passkeys-off-",
        "month-",
        "smime-step-",
        "smime-state-",
        "smime-meaning-",
        "smime-statement-",
        "domain-status-",
        "member-status-",
        "order-done-",
        "dcv-",
        "page-",
        "menu-",
        "refusal-",
        "order-status-",
        "certificate-state-",
        "mail-",
        "lang-",
        "wizard-",
        "orders-",
        "check-email-",
        // Validation messages and refusals (`Msg::new`), and the field names inside them.
        "err-",
    ];
    let mut found = Vec::new();
    let literals = text.split('"').collect::<Vec<_>>();
    // Odd pieces are inside quotes (good enough for our sources: no escaped quotes in keys).
    for (i, piece) in literals.iter().enumerate() {
        if i % 2 == 0 {
            continue;
        }
        let before = literals[i - 1];
        let is_key_shaped = !piece.is_empty()
            && piece
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !is_key_shaped {
            continue;
        }
        let first_argument = ["t", "t_args", "Msg::new"]
            .iter()
            .any(|f| calls(before, f).is_some_and(|open| before[open..].trim().is_empty()));
        let second_argument = ["tr", "tr_args"].iter().any(|f| {
            calls(before, f).is_some_and(|open| {
                let between = &before[open..];
                between.trim_end().ends_with(',') && between.matches(',').count() == 1
            })
        });
        // Markup names (classes, ids) may share a prefix with keys.
        let markup = ["class=", "id=", "for=", "data-testid=", "aria-controls="]
            .iter()
            .any(|a| before.ends_with(a));
        if first_argument
            || second_argument
            || (!markup && KEY_PREFIXES.iter().any(|p| piece.starts_with(p)))
        {
            found.push((*piece).to_owned());
        }
    }
    found
}

/// Where the arguments of the last call of function `name` in `text` begin, when `name` is a
/// whole word there (`t(` but not `insert(`).
fn calls(text: &str, name: &str) -> Option<usize> {
    let open = format!("{name}(");
    let at = text.rfind(&open)?;
    let whole_word = text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
    whole_word.then_some(at + open.len())
}

#[test]
fn every_key_the_code_asks_for_exists_in_every_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("../server/src"), &mut files);
    let catalogue = keys(Lang::En);
    let mut asked = 0;
    let mut unknown = Vec::new();
    // This file's own examples are not requests for keys.
    let this_file = root.join("src/i18n/tests.rs");
    for file in files.into_iter().filter(|f| *f != this_file) {
        let text = fs::read_to_string(&file).unwrap();
        for key in keys_in(&text) {
            asked += 1;
            if !catalogue.contains(&key) {
                unknown.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        asked > 100,
        "the scan found only {asked} keys: is it still looking?"
    );
    assert!(
        unknown.is_empty(),
        "keys not in the catalogue: {unknown:#?}"
    );
    // And each is really there for the loader, in each language, without fallback.
    for key in &catalogue {
        for lang in Lang::ALL {
            assert!(has(lang, key), "{key} has no {lang} text");
        }
    }
}

#[test]
fn the_scan_finds_keys_in_each_way_the_code_names_them() {
    let code = r#"t("common-menu") t_args("orders-pager", &[]) tr(lang, "mail-x-subject")
        tr_args(Lang::Pl, "brand", &args) entry("/", "menu-orders", Access::Everyone)
        class="button-quiet" label="Some words" h.insert("x-header") attr(a, "not-a-key")
        class="page-actions" Msg::new("err-enter-password") Msg::new("choose-product")"#;
    assert_eq!(
        keys_in(code),
        [
            "common-menu",
            "orders-pager",
            "mail-x-subject",
            "brand",
            "menu-orders",
            "err-enter-password",
            "choose-product"
        ]
    );
}

#[test]
fn arguments_are_filled_in_without_invisible_isolation_marks() {
    let text = tr_args(Lang::Pl, "orders-only-expiring", &[("days", "30".into())]);
    assert_eq!(
        text,
        "Widoczne są tylko certyfikaty, które wygasają w ciągu 30 dni."
    );
}

#[test]
fn polish_plurals_follow_polish_rules() {
    let pager = |total: u64| {
        tr_args(
            Lang::Pl,
            "orders-pager",
            &[
                ("page", 1u64.into()),
                ("pages", 1u64.into()),
                ("total", total.into()),
            ],
        )
    };
    assert!(pager(1).ends_with("1 zamówienie"), "{}", pager(1));
    assert!(pager(3).ends_with("3 zamówienia"), "{}", pager(3));
    assert!(pager(5).ends_with("5 zamówień"), "{}", pager(5));
    assert!(pager(22).ends_with("22 zamówienia"), "{}", pager(22));
    assert_eq!(tr(Lang::En, "page-orders"), "Orders");
    assert_eq!(tr(Lang::Pl, "page-orders"), "Zamówienia");
}

#[test]
fn the_language_comes_from_the_cookie_then_accept_language_then_english() {
    assert_eq!(Lang::of_request(Some("pl"), Some("en-GB,en")), Lang::Pl);
    assert_eq!(
        Lang::of_request(Some("xx"), Some("pl-PL,pl;q=0.9,en;q=0.8")),
        Lang::Pl
    );
    // Browsers list languages most wanted first; the order decides, as in Fluent's own
    // negotiation.
    assert_eq!(
        Lang::of_request(None, Some("de-DE,en;q=0.9,pl;q=0.5")),
        Lang::En
    );
    assert_eq!(Lang::of_request(None, Some("de-DE,pl;q=0.5")), Lang::Pl);
    assert_eq!(Lang::of_request(None, Some("fr")), Lang::En);
    assert_eq!(Lang::of_request(None, None), Lang::En);
    assert_eq!(Lang::from_tag("PL"), Some(Lang::Pl));
}

#[test]
fn a_validators_refusal_reads_in_the_readers_language() {
    let refused = crate::model::text::person_name("  ").unwrap_err();
    assert_eq!(refused.key(), "err-enter-full-name");
    assert_eq!(refused.text(Lang::En), "Enter your full name.");
    assert_eq!(refused.text(Lang::Pl), "Wpisz imię i nazwisko.");
    // A rule inside a sentence and a name as its argument, each in the reader's language.
    let refused = crate::model::dns_name::parse_public("Shop.Example.COM", false);
    assert!(
        refused.is_ok(),
        "names are made lower case first: {refused:?}"
    );
    let refused = crate::model::dns_name::parse_public("intranet.corp", false).unwrap_err();
    assert_eq!(
        refused.text(Lang::En),
        "intranet.corp is not a domain we can certify: internal or reserved names cannot be in \
         a publicly-trusted certificate."
    );
    assert_eq!(
        refused.text(Lang::Pl),
        "intranet.corp nie jest domeną, którą możemy certyfikować: nazwy wewnętrzne lub \
         zastrzeżone nie mogą znaleźć się w certyfikacie zaufanym publicznie."
    );
}

#[test]
fn numbers_in_a_refusal_choose_the_polish_plural() {
    let most = |max: usize| Msg::new("err-enter-most-max-addresses").arg("max", max);
    assert_eq!(most(1).text(Lang::Pl), "Wpisz najwyżej 1 adres.");
    assert_eq!(most(3).text(Lang::Pl), "Wpisz najwyżej 3 adresy.");
    assert_eq!(most(10).text(Lang::Pl), "Wpisz najwyżej 10 adresów.");
    assert_eq!(most(10).text(Lang::En), "Enter at most 10 addresses.");
}

#[test]
fn a_message_travels_to_the_browser_and_back_unchanged() {
    let msg = Msg::new("err-name-not-domain-we-can")
        .arg("name", "intranet.corp")
        .arg("rule", Msg::new("err-dns-rule-reserved"));
    let wire = serde_json::to_string(&msg).unwrap();
    assert!(
        wire.contains("intranet.corp is not a domain we can certify"),
        "a raw reader still finds the English sentence: {wire}"
    );
    let back: Msg = serde_json::from_str(&wire).unwrap();
    assert_eq!(back, msg);
    assert_eq!(back.text(Lang::Pl), msg.text(Lang::Pl));
    let errors = crate::model::FieldErrors::single("name", msg);
    let wire = serde_json::to_string(&errors).unwrap();
    assert_eq!(
        serde_json::from_str::<crate::model::FieldErrors>(&wire).unwrap(),
        errors
    );
}

#[test]
fn every_error_message_says_something_different_in_polish() {
    // A Polish text copied from English by mistake would pass the completeness test.
    let same: Vec<String> = keys(Lang::En)
        .into_iter()
        .filter(|k| k.starts_with("err-") && has(Lang::Pl, k))
        .filter(|k| {
            let en = fs::read_to_string(locales().join("en/errors.ftl")).unwrap();
            let pl = fs::read_to_string(locales().join("pl/errors.ftl")).unwrap();
            let line = |text: &str| {
                text.lines()
                    .find(|l| l.starts_with(&format!("{k} =")))
                    .map(str::to_owned)
            };
            line(&en).is_some() && line(&en) == line(&pl)
        })
        .collect();
    // Only texts with nothing to translate may stay as they are.
    assert_eq!(same, ["err-name-rule"], "untranslated: {same:?}");
}

/// One language's pages catalogue as `scripts/build-site.sh` writes it for the browser: the
/// language's files in name order, each followed by a line break.
fn browser_catalogue_text(lang: Lang) -> String {
    let dir = locales().join(lang.tag());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap() + "\n")
        .collect()
}

#[test]
fn the_browsers_one_language_catalogue_reads_every_message_as_the_server_does() {
    use std::{borrow::Cow, collections::HashMap};

    use super::{FluentValue, LoadedCatalogue};

    for lang in Lang::ALL {
        let text = browser_catalogue_text(lang);
        // Every placeholder any message names, each given a number: a message formats the same
        // with arguments it does not use, and numbers exercise the plural selectors.
        let mut names = BTreeSet::new();
        for (i, _) in text.match_indices('$') {
            let name: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = names
            .into_iter()
            .map(|n| (Cow::Owned(n), FluentValue::from(3)))
            .collect();
        let catalogue = LoadedCatalogue::parse(lang, text.clone()).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
        let mut checked = 0;
        for entry in resource.body {
            let Entry::Message(m) = entry else { continue };
            let key = m.id.name;
            assert_eq!(
                catalogue.format(key, &args).as_deref(),
                Some(super::catalogue::tr_map(lang, key, &args).as_str()),
                "{lang}: {key}"
            );
            checked += 1;
        }
        assert!(checked > 1_000, "{lang}: only {checked} messages");
        assert_eq!(catalogue.format("no-such-key", &args), None);
    }
}

#[test]
fn a_catalogue_that_does_not_parse_or_repeats_a_message_is_refused() {
    use super::{CatalogueError, LoadedCatalogue};

    assert!(matches!(
        LoadedCatalogue::parse(Lang::Pl, "a = {\n".to_owned()),
        Err(CatalogueError::Syntax { .. })
    ));
    assert!(matches!(
        LoadedCatalogue::parse(Lang::Pl, "a = one\na = two\n".to_owned()),
        Err(CatalogueError::Duplicate { .. })
    ));
}
