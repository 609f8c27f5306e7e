//! A printout as data: a document of titled sections holding summary rows, paragraphs, verbatim
//! quotations, lists and groups of them. The breach report's print view
//! (`evidence_pack::report_document`), the s.25 evidence pack (`evidence_pack::pack_document`)
//! and the recall referral's police information (`referral::referral_document`) are each built
//! once, here in the domain, and drawn by one small renderer: on the phone (`ui::document`) and,
//! later, on the desk. "What the pack lacks" and the "NOT FOR DISCLOSURE" page are sections of
//! their own kinds, so every renderer marks and places them the same way.
//!
//! Every text is plain: a renderer escapes it and never reads markup from it.

/// Which printout a document is: names its ids and its print layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The breach report on one A4 page.
    BreachReport,
    /// The s.25 evidence pack: sections that start pages of their own in print.
    EvidencePack,
    /// The police information for the recall report (Part A).
    RecallReferral,
}

impl DocumentKind {
    /// The id of the document's heading (its sections' ids start the same way).
    pub fn title_id(self) -> &'static str {
        match self {
            Self::BreachReport => "report-title",
            Self::EvidencePack => "pack-title",
            Self::RecallReferral => "referral-title",
        }
    }

    /// Laid out in parts that may each start a page in print (the pack and the referral), not
    /// one page whose sections are kept whole (the report).
    pub fn in_parts(self) -> bool {
        !matches!(self, Self::BreachReport)
    }
}

/// What a section is for, which decides how it is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// A section of the document's body.
    Body,
    /// What the pack lacks: boxed, first, before the body.
    Lacks,
    /// Material not for disclosure to the person: always on a page of its own, marked so.
    NotForDisclosure,
}

/// One key and its value, as a row of a summary list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub value: String,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Rows of a summary list: "Court" – "Crown Court at Testford".
    Rows(Vec<Row>),
    /// A paragraph; `strong` (if not empty) is printed in bold before `text`.
    Paragraph { strong: String, text: String },
    /// A subheading within a section.
    Heading(String),
    /// A line of small print under a subheading (e.g. a condition's family).
    Hint(String),
    /// Words quoted as written, e.g. a condition as granted by the court.
    Quote(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A warning the reader must not miss, in bold and boxed in print.
    Warning(String),
    /// Blocks kept together on paper, e.g. one condition with its wording.
    Group(Vec<Block>),
}

impl Block {
    /// Rows from `(key, value)` pairs.
    pub fn rows<K: Into<String>, V: Into<String>>(rows: impl IntoIterator<Item = (K, V)>) -> Self {
        Self::Rows(
            rows.into_iter()
                .map(|(k, v)| Row {
                    key: k.into(),
                    value: v.into(),
                })
                .collect(),
        )
    }

    /// A plain paragraph.
    pub fn para(text: impl Into<String>) -> Self {
        Self::Paragraph {
            strong: String::new(),
            text: text.into(),
        }
    }

    /// A paragraph all in bold.
    pub fn strong(text: impl Into<String>) -> Self {
        Self::Paragraph {
            strong: text.into(),
            text: String::new(),
        }
    }

    /// The list, or the paragraph `none` when it is empty.
    pub fn list_or(items: Vec<String>, none: &str) -> Self {
        if items.is_empty() {
            Self::para(none)
        } else {
            Self::List(items)
        }
    }

    /// Every text in the block, in reading order (keys before values).
    fn texts(&self) -> Vec<&str> {
        match self {
            Self::Rows(rows) => rows
                .iter()
                .flat_map(|r| [r.key.as_str(), r.value.as_str()])
                .collect(),
            Self::Paragraph { strong, text } => vec![strong.as_str(), text.as_str()],
            Self::Heading(s) | Self::Hint(s) | Self::Quote(s) | Self::Warning(s) => {
                vec![s.as_str()]
            }
            Self::List(items) => items.iter().map(String::as_str).collect(),
            Self::Group(blocks) => blocks.iter().flat_map(Block::texts).collect(),
        }
    }
}

/// A titled section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section's id (its heading's id is this), unique in the document.
    pub id: String,
    pub title: String,
    pub kind: SectionKind,
    /// Starts a new page in print.
    pub new_page: bool,
    pub blocks: Vec<Block>,
}

impl Section {
    /// A section of the body.
    pub fn body(id: &str, title: impl Into<String>, new_page: bool, blocks: Vec<Block>) -> Self {
        Self {
            id: id.to_string(),
            title: title.into(),
            kind: SectionKind::Body,
            new_page,
            blocks,
        }
    }

    /// The value of the first row keyed `key` in the section, if any.
    pub fn value(&self, key: &str) -> Option<&str> {
        fn find<'a>(blocks: &'a [Block], key: &str) -> Option<&'a str> {
            blocks.iter().find_map(|b| match b {
                Block::Rows(rows) => rows.iter().find(|r| r.key == key).map(|r| r.value.as_str()),
                Block::Group(inner) => find(inner, key),
                _ => None,
            })
        }
        find(&self.blocks, key)
    }

    /// All the section's words on one line, as a reader of the page sees them (tests and
    /// searches read it).
    pub fn text(&self) -> String {
        self.blocks
            .iter()
            .flat_map(Block::texts)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: DocumentKind,
    /// The title of the page (the browser tab, the file saved as PDF).
    pub page_title: String,
    /// The heading on paper.
    pub title: String,
    /// The line under the heading: reference, who, when.
    pub reference: String,
    /// Paragraphs before the first section.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
}

impl Document {
    /// The section with this title.
    pub fn section(&self, title: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.title == title)
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
