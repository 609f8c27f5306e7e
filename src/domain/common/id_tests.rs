use super::*;

#[test]
fn ids_the_phone_the_demo_and_the_server_make_are_ids() {
    let long = "A".repeat(MAX_ID_CHARS);
    let good = [
        "BR-6f1c2b9e-3d4a-4c5b-9e8f-0a1b2c3d4e5f",
        "N-0001",
        "C-0001-01",
        "K-0001-1",
        "DS-DEMO-01",
        "D-0a1b2c3d4e5f6071",
        "BD-0a1b2c3d",
        "x",
        "9",
        "a.b_c-d:e",
        long.as_str(),
    ];
    for id in good {
        assert_eq!(check_id(id), Ok(()), "{id}");
        assert!(is_id(id));
    }
}

#[test]
fn anything_else_is_refused_with_the_reason_in_words() {
    let long = "A".repeat(MAX_ID_CHARS + 1);
    let bad = [
        (
            "../x",
            "\"../x\" may only use letters, digits and . _ - : (it has \"/\")",
        ),
        (
            "a/b",
            "\"a/b\" may only use letters, digits and . _ - : (it has \"/\")",
        ),
        (
            "a?b",
            "\"a?b\" may only use letters, digits and . _ - : (it has \"?\")",
        ),
        (
            "a#b",
            "\"a#b\" may only use letters, digits and . _ - : (it has \"#\")",
        ),
        (
            "a&b",
            "\"a&b\" may only use letters, digits and . _ - : (it has \"&\")",
        ),
        (
            "a b",
            "\"a b\" may only use letters, digits and . _ - : (it has a space)",
        ),
        (
            "a\nb",
            "\"a\\nb\" may only use letters, digits and . _ - : (it has a line break)",
        ),
        (
            "a\u{7}b",
            "\"a\\u{7}b\" may only use letters, digits and . _ - : (it has a control character)",
        ),
        ("", "is empty"),
        (long.as_str(), "must be 64 characters or fewer (it has 65)"),
        ("-x", "\"-x\" must start with a letter or a digit"),
        (".x", "\".x\" must start with a letter or a digit"),
        (
            "café",
            "\"café\" may only use letters, digits and . _ - : (it has \"é\")",
        ),
        (
            "N\u{2011}0001",
            "\"N\u{2011}0001\" may only use letters, digits and . _ - : (it has \"\u{2011}\")",
        ),
    ];
    for (id, reason) in bad {
        let problem = check_id(id).expect_err(id);
        assert_eq!(problem.to_string(), reason, "{id:?}");
        assert!(!is_id(id));
    }
}
