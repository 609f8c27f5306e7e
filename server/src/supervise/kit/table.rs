//! The GOV.UK table, in a region of its own that scrolls sideways when the table is wider than
//! the window (keyboard users reach it: it takes the focus), with the first column kept in view
//! (`style/main.css`, `.table-region`), so a wide table never widens the page.

use maud::{html, Markup};

/// A column: its heading, and whether its cells are numbers (right-aligned).
pub struct Column<'a> {
    pub heading: &'a str,
    pub numeric: bool,
}

impl<'a> Column<'a> {
    pub fn text(heading: &'a str) -> Self {
        Self {
            heading,
            numeric: false,
        }
    }
    pub fn number(heading: &'a str) -> Self {
        Self {
            heading,
            numeric: true,
        }
    }
}

/// A table with its caption (which also names its region), headings and rows; the first cell of
/// each row is its header (`th scope="row"`).
pub fn table(caption: &str, columns: &[Column], rows: &[Vec<Markup>]) -> Markup {
    table_with(caption, columns, rows, Layout::default())
}

/// How a table is laid out beyond its columns.
#[derive(Default, Clone, Copy)]
pub struct Layout {
    /// The row headers never wrap (`table__cell--nowrap`), e.g. a quarter's "Oct–Dec 2026".
    pub nowrap_row_headers: bool,
    /// A class of the table's own besides `table`, for its columns' styles (`style/main.css`).
    pub class: Option<&'static str>,
}

/// As [`table`], laid out as `layout` says.
pub fn table_with(
    caption: &str,
    columns: &[Column],
    rows: &[Vec<Markup>],
    layout: Layout,
) -> Markup {
    let numeric = |i: usize| columns.get(i).is_some_and(|c| c.numeric);
    let row_header = |i: usize| match (numeric(i), layout.nowrap_row_headers) {
        (true, true) => Some("table__cell--numeric table__cell--nowrap"),
        (true, false) => Some("table__cell--numeric"),
        (false, true) => Some("table__cell--nowrap"),
        (false, false) => None,
    };
    html! {
        div class="table-region" role="region" aria-label=(caption) tabindex="0" {
            table class={ "table" @if let Some(c) = layout.class { " " (c) } } {
                caption { (caption) }
                thead { tr {
                    @for c in columns {
                        th scope="col" class=[c.numeric.then_some("table__cell--numeric")] { (c.heading) }
                    }
                } }
                tbody {
                    @for row in rows { tr {
                        @for (i, cell) in row.iter().enumerate() {
                            @if i == 0 {
                                th scope="row" class=[row_header(i)] { (cell) }
                            } @else {
                                td class=[numeric(i).then_some("table__cell--numeric")] { (cell) }
                            }
                        }
                    } }
                }
            }
        }
    }
}
