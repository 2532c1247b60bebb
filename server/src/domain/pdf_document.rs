//! Business documents (invoices, credit notes) as PDF: a title, labelled facts, an optional
//! table and closing lines, on as many A4 pages as the table needs. Text is set in Helvetica,
//! one of the fonts every PDF reader has, so nothing is embedded and the files stay small.

use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// A4 in points.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const LINE: f32 = 16.0;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

/// Columns of a table: a heading and where the column starts, in points from the margin.
#[derive(Debug, Clone)]
pub struct Column {
    pub heading: &'static str,
    pub x: f32,
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub title: String,
    /// Label and value, one per line under the title.
    pub facts: Vec<(String, String)>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Lines after the table (totals, notes), each in bold when flagged.
    pub closing: Vec<(String, bool)>,
    /// When the document was made, for the PDF's own metadata.
    pub created: Option<chrono::DateTime<chrono::Utc>>,
}

/// Text as the bytes of the WinAnsi encoding the fonts are declared with: Latin-1 letters
/// keep their accents; anything else becomes `?` rather than mojibake.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
            '€' => 0x80,
            '–' => 0x96,
            '—' => 0x97,
            '’' => 0x92,
            _ => b'?',
        })
        .collect()
}

/// One page's text being written: a cursor moving down from the top margin.
struct PageText {
    content: Content,
    y: f32,
}

impl PageText {
    fn new() -> Self {
        Self {
            content: Content::new(),
            y: HEIGHT - MARGIN,
        }
    }

    fn text(&mut self, x: f32, font: Name<'_>, size: f32, text: &str) {
        self.content.begin_text();
        self.content.set_font(font, size);
        self.content.next_line(MARGIN + x, self.y);
        self.content.show(Str(&win_ansi(text)));
        self.content.end_text();
    }

    fn rule(&mut self) {
        self.content.set_line_width(0.5);
        self.content.move_to(MARGIN, self.y + 4.0);
        self.content.line_to(WIDTH - MARGIN, self.y + 4.0);
        self.content.stroke();
    }

    fn has_room(&self, lines: f32) -> bool {
        self.y - lines * LINE > MARGIN
    }
}

impl Document {
    fn table_heading(&self, page: &mut PageText) {
        for c in &self.columns {
            page.text(c.x, BOLD, 10.0, c.heading);
        }
        page.y -= LINE * 0.6;
        page.rule();
        page.y -= LINE * 0.8;
    }

    fn pages(&self) -> Vec<PageText> {
        let mut pages = Vec::new();
        let mut page = PageText::new();
        page.text(0.0, BOLD, 18.0, &self.title);
        page.y -= LINE * 2.0;
        for (label, value) in &self.facts {
            page.text(0.0, BOLD, 10.0, label);
            page.text(150.0, REGULAR, 10.0, value);
            page.y -= LINE;
        }
        page.y -= LINE;
        if !self.columns.is_empty() {
            self.table_heading(&mut page);
            for row in &self.rows {
                if !page.has_room(1.0) {
                    pages.push(page);
                    page = PageText::new();
                    self.table_heading(&mut page);
                }
                for (c, cell) in self.columns.iter().zip(row) {
                    page.text(c.x, REGULAR, 10.0, cell);
                }
                page.y -= LINE;
            }
            page.rule();
            page.y -= LINE;
        }
        for (line, bold) in &self.closing {
            if !page.has_room(1.0) {
                pages.push(page);
                page = PageText::new();
            }
            page.text(0.0, if *bold { BOLD } else { REGULAR }, 10.0, line);
            page.y -= LINE;
        }
        pages.push(page);
        pages
    }

    pub fn render(&self) -> Vec<u8> {
        let pages = self.pages();
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let info = Ref::new(5);
        // Each page and its content stream take two ids from here on.
        let first = 6;
        let count = i32::try_from(pages.len()).unwrap_or(i32::MAX);
        let page_ref = |i: i32| Ref::new(first + 2 * i);
        let content_ref = |i: i32| Ref::new(first + 2 * i + 1);
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids((0..count).map(page_ref)).count(count);
        pdf.type1_font(regular)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold)
            .base_font(Name(b"Helvetica-Bold"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        let mut meta = pdf.document_info(info);
        meta.title(TextStr(&self.title))
            .producer(TextStr("Rootline"));
        if let Some(at) = self.created {
            use chrono::{Datelike, Timelike};
            let part = |v: u32| u8::try_from(v).unwrap_or(0);
            meta.creation_date(
                Date::new(u16::try_from(at.year()).unwrap_or(2000))
                    .month(part(at.month()))
                    .day(part(at.day()))
                    .hour(part(at.hour()))
                    .minute(part(at.minute()))
                    .second(part(at.second()))
                    .utc_offset_hour(0),
            );
        }
        meta.finish();
        for (i, page) in (0..count).zip(pages) {
            let mut p = pdf.page(page_ref(i));
            p.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
            p.parent(tree);
            p.contents(content_ref(i));
            p.resources()
                .fonts()
                .pair(REGULAR, regular)
                .pair(BOLD, bold);
            p.finish();
            pdf.stream(content_ref(i), &page.content.finish());
        }
        pdf.finish()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The text of a PDF as `pdftotext` (Poppler) reads it: the oracle that a real reader
    /// opens what Rootline writes.
    pub(crate) fn pdf_text(pdf: &[u8]) -> String {
        let dir = crate::ca::test_support::temp_dir("pdf");
        let file = dir.join("document.pdf");
        std::fs::write(&file, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed by scripts/ensure-tools.sh");
        assert!(
            out.status.success(),
            "pdftotext: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_dir_all(dir).unwrap();
        String::from_utf8(out.stdout).unwrap()
    }

    fn pages_of(pdf: &[u8]) -> usize {
        let dir = crate::ca::test_support::temp_dir("pdf");
        let file = dir.join("document.pdf");
        std::fs::write(&file, pdf).unwrap();
        let out = std::process::Command::new("pdfinfo")
            .arg(&file)
            .output()
            .unwrap();
        std::fs::remove_dir_all(dir).unwrap();
        let info = String::from_utf8(out.stdout).unwrap();
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    #[test]
    fn a_document_reads_back_with_its_facts_table_and_accents_over_several_pages() {
        let doc = Document {
            title: "Invoice INV-000007".into(),
            facts: vec![
                ("Billed to".into(), "Société Générale (account 3)".into()),
                ("Currency".into(), "EUR €".into()),
            ],
            columns: vec![
                Column {
                    heading: "Order",
                    x: 0.0,
                },
                Column {
                    heading: "Amount",
                    x: 300.0,
                },
            ],
            rows: (1..=80)
                .map(|i| vec![format!("#{i} DV SSL"), format!("USD {i}.00")])
                .collect(),
            closing: vec![
                ("Total: USD 3240.00".into(), true),
                ("ünïcode ₹".into(), false),
            ],
            created: None,
        };
        let pdf = doc.render();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = pdf_text(&pdf);
        for expected in [
            "Invoice INV-000007",
            "Société Générale (account 3)",
            "EUR €",
            "#1 DV SSL",
            "#80 DV SSL",
            "USD 80.00",
            "Total: USD 3240.00",
            "ünïcode ?",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
        assert_eq!(pages_of(&pdf), 2, "80 rows need a second page");
    }
}
