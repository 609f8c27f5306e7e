use super::*;

fn section() -> Section {
    Section::body(
        "s",
        "The order",
        false,
        vec![
            Block::Heading("Variations".into()),
            Block::list_or(vec![], "None: the order as granted."),
            Block::Group(vec![Block::rows([("Court", "Crown Court at Testford")])]),
            Block::Paragraph {
                strong: "Bold first.".into(),
                text: " Then plain.".into(),
            },
        ],
    )
}

#[test]
fn an_empty_list_is_said_in_words_and_a_full_one_kept_as_a_list() {
    assert_eq!(
        Block::list_or(vec![], "None recorded."),
        Block::para("None recorded.")
    );
    assert_eq!(
        Block::list_or(vec!["One".into()], "None recorded."),
        Block::List(vec!["One".into()])
    );
}

#[test]
fn a_row_is_found_by_its_key_even_inside_a_group_and_the_text_reads_in_order() {
    let s = section();
    assert_eq!(s.value("Court"), Some("Crown Court at Testford"));
    assert_eq!(s.value("Ends"), None);
    assert_eq!(
        s.text(),
        "Variations None: the order as granted. Court Crown Court at Testford Bold first.  Then plain."
    );
}

#[test]
fn a_document_finds_its_section_by_title() {
    let d = Document {
        kind: DocumentKind::EvidencePack,
        page_title: "t".into(),
        title: "T".into(),
        reference: "R".into(),
        intro: vec![],
        sections: vec![section()],
    };
    assert_eq!(d.section("The order").map(|s| s.id.as_str()), Some("s"));
    assert!(d.section("Who").is_none());
    assert!(d.kind.in_parts() && !DocumentKind::BreachReport.in_parts());
}
