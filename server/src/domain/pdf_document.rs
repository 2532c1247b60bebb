//! Business documents (invoices, credit notes) as PDF: a title, labelled facts, an optional
//! table and closing lines, on as many A4 pages as the table needs.
//!
//! Text is set in DejaVu Sans and DejaVu Sans Bold, embedded in every file, so names and
//! addresses in Polish, Czech, Turkish or any other language written in Latin Extended letters,
//! and currency signs such as € and ₹, print as written. The fonts are compiled into the binary
//! (`server/assets/fonts/`, already cut down to the Latin blocks by `scripts/make-pdf-fonts.sh`)
//! and each document embeds only the glyphs it uses, so a one-page invoice carries a few
//! kilobytes of font. Each face is written as a Type0 font over a CIDFontType2 (TrueType
//! outlines) with Identity-H encoding: the content streams show two-byte glyph ids, the `W`
//! array gives their widths, and a ToUnicode CMap maps them back to text so that copying,
//! searching and `pdftotext` read the document as it was written. Fonts, maps and page contents
//! are deflated; a few lines of text come to about 10 KB.
//!
//! Glyphs are placed one after another at their advance widths, with no shaping or kerning:
//! right for the Latin scripts the fonts cover, not for scripts that need shaping. Long fact
//! values and closing lines wrap at the right margin, measured with the font's own widths.

use std::collections::BTreeMap;

use std::io::Write;

use app::i18n::{Lang, tr_args};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;

/// A4 in points.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const LINE: f32 = 16.0;
/// Where the value of a fact starts, in points from the margin.
const FACT_VALUE_X: f32 = 150.0;
/// PDF glyph space: widths and font metrics are given in thousandths of the font size.
const GLYPH_SPACE: f32 = 1000.0;

/// The font files the documents are set in, pre-subset to the Latin blocks (see
/// `scripts/make-pdf-fonts.sh`; licence in `server/assets/fonts/LICENSE-DejaVu.txt`).
static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Columns of a table: a heading (in the document's language) and where the column starts, in
/// points from the margin.
#[derive(Debug, Clone)]
pub struct Column {
    pub heading: String,
    pub x: f32,
}

/// How a document names the account it is for: its name and number, in `lang`.
pub fn account_holder(lang: Lang, name: &str, account_id: i32) -> String {
    tr_args(
        lang,
        "doc-account-holder",
        &[
            ("name", name.into()),
            ("account", account_id.to_string().into()),
        ],
    )
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub title: String,
    /// Label and value, one per line under the title (a long value wraps).
    pub facts: Vec<(String, String)>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Lines after the table (totals, notes), each in bold when flagged; a long line wraps.
    pub closing: Vec<(String, bool)>,
    /// When the document was made, for the PDF's own metadata.
    pub created: Option<chrono::DateTime<chrono::Utc>>,
}

/// The two faces a document is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// The name the page resources give the font, which content streams select it by.
    fn resource(self) -> Name<'static> {
        match self {
            Weight::Regular => Name(b"F1"),
            Weight::Bold => Name(b"F2"),
        }
    }

    /// The PostScript name of the face, which the subset's name extends with a tag.
    fn postscript_name(self) -> &'static str {
        match self {
            Weight::Regular => "DejaVuSans",
            Weight::Bold => "DejaVuSans-Bold",
        }
    }

    fn file(self) -> &'static [u8] {
        match self {
            Weight::Regular => DEJAVU_SANS,
            Weight::Bold => DEJAVU_SANS_BOLD,
        }
    }
}

/// `data` deflated, for a stream with `/FlateDecode`; `None` in the (for writing into memory,
/// impossible) case that compressing fails, when the stream goes in as it is.
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    out.write_all(data).ok()?;
    out.finish().ok()
}

/// Writes a stream object, deflated when that works; `dict` adds entries of its own.
fn write_stream(pdf: &mut Pdf, id: Ref, data: &[u8], dict: impl FnOnce(&mut pdf_writer::Stream)) {
    let packed = deflate(data);
    let mut stream = pdf.stream(id, packed.as_deref().unwrap_or(data));
    if packed.is_some() {
        stream.filter(Filter::FlateDecode);
    }
    dict(&mut stream);
}

/// One embedded face as a document uses it: which glyphs, under which ids in the subset, and
/// which text each stands for.
struct FontUse {
    weight: Weight,
    /// `None` only if the compiled-in file did not parse, which the tests rule out; the
    /// document then still renders, with every glyph as the `.notdef` box.
    face: Option<ttf_parser::Face<'static>>,
    /// Original glyph id to the id in the subset, in order of first use; `.notdef` is 0.
    glyphs: GlyphRemapper,
    /// The character each glyph of the subset was first used for, for the ToUnicode CMap.
    text_of: BTreeMap<u16, char>,
}

impl FontUse {
    fn new(weight: Weight) -> Self {
        Self {
            weight,
            face: ttf_parser::Face::parse(weight.file(), 0).ok(),
            glyphs: GlyphRemapper::new(),
            text_of: BTreeMap::new(),
        }
    }

    /// The glyph of a character in the font file; `.notdef` (0) for one the font lacks.
    fn glyph(&self, c: char) -> u16 {
        self.face
            .as_ref()
            .and_then(|f| f.glyph_index(c))
            .map_or(0, |g| g.0)
    }

    /// The advance of a glyph of the font file, in glyph space (thousandths of the size).
    fn advance(&self, glyph: u16) -> f32 {
        let Some(face) = &self.face else {
            return GLYPH_SPACE / 2.0;
        };
        let advance = face
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0);
        f32::from(advance) * GLYPH_SPACE / f32::from(face.units_per_em().max(1))
    }

    /// Characters that are set as glyphs: control characters have none and would only show
    /// as boxes.
    fn printable(text: &str) -> impl Iterator<Item = char> + '_ {
        text.chars().filter(|c| !c.is_control())
    }

    /// How wide `text` is when set at `size` points, glyph by glyph as `encode` places it.
    fn width(&self, text: &str, size: f32) -> f32 {
        Self::printable(text)
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / GLYPH_SPACE
    }

    /// `text` as the two-byte glyph ids (CIDs) of the subset that Identity-H shows, adding its
    /// glyphs to the subset.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in Self::printable(text) {
            let glyph = self.glyph(c);
            let cid = self.glyphs.remap(glyph);
            if glyph != 0 {
                self.text_of.entry(cid).or_insert(c);
            }
            bytes.extend_from_slice(&cid.to_be_bytes());
        }
        bytes
    }

    /// Whether any text was set in this face (the subset always holds `.notdef`).
    fn is_used(&self) -> bool {
        self.glyphs.num_gids() > 1
    }

    /// The six capital letters that mark a subset in its font name (ISO 32000-1, 9.6.4),
    /// derived from the glyphs it holds so that the same text gives the same file.
    fn subset_tag(&self) -> String {
        let mut hash = Sha256::new();
        hash.update(self.weight.postscript_name());
        for glyph in self.glyphs.remapped_gids() {
            hash.update(glyph.to_be_bytes());
        }
        hash.finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect()
    }

    /// The font file cut down to the glyphs used, their ids in it the remapped ones.
    fn subset(&self) -> Option<Vec<u8>> {
        subsetter::subset(self.weight.file(), 0, &self.glyphs).ok()
    }

    /// Writes the font's objects, taking their ids from `next`, with `subset` as the program
    /// (the whole file when `None`); returns the id of the Type0 font the pages refer to.
    fn write(&self, pdf: &mut Pdf, next: &mut Ref, subset: Option<Vec<u8>>) -> Ref {
        let type0 = next.bump();
        let cid_font = next.bump();
        let descriptor = next.bump();
        let program = next.bump();
        let to_unicode = next.bump();

        // The subset's glyph ids are the remapped ones, so CIDs map to glyphs one to one. Should
        // subsetting ever fail, the whole (already Latin-only) file goes in instead, with a map
        // from each CID back to its glyph in that file: bigger, but the text is still right.
        let base = match subset {
            Some(_) => format!("{}+{}", self.subset_tag(), self.weight.postscript_name()),
            None => self.weight.postscript_name().to_owned(),
        };
        let name = Name(base.as_bytes());
        let cid_to_gid = subset.is_none().then(|| next.bump());

        pdf.type0_font(type0)
            .base_font(name)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(to_unicode);

        let mut cid = pdf.cid_font(cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"Identity"),
                supplement: 0,
            })
            .font_descriptor(descriptor)
            .default_width(0.0);
        match cid_to_gid {
            None => cid.cid_to_gid_map_predefined(Name(b"Identity")),
            Some(map) => cid.cid_to_gid_map_stream(map),
        };
        cid.widths()
            .consecutive(0, self.glyphs.remapped_gids().map(|g| self.advance(g)));
        cid.finish();

        let mut d = pdf.font_descriptor(descriptor);
        d.name(name)
            .flags(FontFlags::SYMBOLIC)
            .italic_angle(0.0)
            .font_file2(program);
        if let Some(face) = &self.face {
            let scale = |v: i16| f32::from(v) * GLYPH_SPACE / f32::from(face.units_per_em().max(1));
            let bbox = face.global_bounding_box();
            d.bbox(Rect::new(
                scale(bbox.x_min),
                scale(bbox.y_min),
                scale(bbox.x_max),
                scale(bbox.y_max),
            ))
            .ascent(scale(face.ascender()))
            .descent(scale(face.descender()))
            .cap_height(scale(face.capital_height().unwrap_or(face.ascender())))
            // No font records its dominant stem width; this is the usual estimate from the
            // weight class, which viewers only use when they must substitute the font.
            .stem_v(10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0));
        }
        d.finish();

        let bytes = subset.as_deref().unwrap_or(self.weight.file());
        // Length1 is the size of the TrueType program itself, before any filter.
        write_stream(pdf, program, bytes, |s| {
            s.pair(
                Name(b"Length1"),
                i32::try_from(bytes.len()).unwrap_or(i32::MAX),
            );
        });
        if let Some(map_ref) = cid_to_gid {
            let map: Vec<u8> = self
                .glyphs
                .remapped_gids()
                .flat_map(u16::to_be_bytes)
                .collect();
            write_stream(pdf, map_ref, &map, |_| {});
        }

        let mut cmap = UnicodeCmap::new(
            Name(b"Rootline-UCS"),
            SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"UCS"),
                supplement: 0,
            },
        );
        for (cid, c) in &self.text_of {
            cmap.pair(*cid, *c);
        }
        write_stream(pdf, to_unicode, &cmap.finish(), |_| {});
        type0
    }
}

/// Splits `text` into lines no wider than `max` points when set in `font` at `size`: at spaces
/// where it can, inside a word only when the word alone is too wide.
fn wrap(font: &FontUse, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if font.width(&candidate, size) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            if font.width(word, size) <= max {
                line = word.to_owned();
                continue;
            }
        }
        for c in word.chars() {
            line.push(c);
            if font.width(&line, size) > max && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    lines.push(line);
    lines
}

/// The document being laid out: the fonts it uses so far, the finished pages, and the page
/// being written with its cursor moving down from the top margin.
struct Layout {
    regular: FontUse,
    bold: FontUse,
    pages: Vec<Content>,
    content: Content,
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Self {
            regular: FontUse::new(Weight::Regular),
            bold: FontUse::new(Weight::Bold),
            pages: Vec::new(),
            content: Content::new(),
            y: HEIGHT - MARGIN,
        }
    }

    fn font(&self, weight: Weight) -> &FontUse {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    fn text(&mut self, x: f32, weight: Weight, size: f32, text: &str) {
        let glyphs = match weight {
            Weight::Regular => self.regular.encode(text),
            Weight::Bold => self.bold.encode(text),
        };
        self.content.begin_text();
        self.content.set_font(weight.resource(), size);
        self.content.next_line(MARGIN + x, self.y);
        self.content.show(Str(&glyphs));
        self.content.end_text();
    }

    /// `text` from `x` to the right margin, wrapped, one line after another; a line that
    /// finds no room starts a new page.
    fn paragraph(&mut self, x: f32, weight: Weight, text: &str) {
        let lines = wrap(self.font(weight), 10.0, text, WIDTH - 2.0 * MARGIN - x);
        for line in lines {
            self.ensure_room();
            self.text(x, weight, 10.0, &line);
            self.y -= LINE;
        }
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

    /// Starts a new page unless one more line fits on this one; says whether it did.
    fn ensure_room(&mut self) -> bool {
        if self.has_room(1.0) {
            return false;
        }
        let page = std::mem::replace(&mut self.content, Content::new());
        self.pages.push(page);
        self.y = HEIGHT - MARGIN;
        true
    }
}

impl Document {
    fn table_heading(&self, page: &mut Layout) {
        for c in &self.columns {
            page.text(c.x, Weight::Bold, 10.0, &c.heading);
        }
        page.y -= LINE * 0.6;
        page.rule();
        page.y -= LINE * 0.8;
    }

    fn layout(&self) -> Layout {
        let mut page = Layout::new();
        page.text(0.0, Weight::Bold, 18.0, &self.title);
        page.y -= LINE * 2.0;
        for (label, value) in &self.facts {
            page.ensure_room();
            page.text(0.0, Weight::Bold, 10.0, label);
            page.paragraph(FACT_VALUE_X, Weight::Regular, value);
        }
        page.y -= LINE;
        if !self.columns.is_empty() {
            self.table_heading(&mut page);
            for row in &self.rows {
                if page.ensure_room() {
                    self.table_heading(&mut page);
                }
                for (c, cell) in self.columns.iter().zip(row) {
                    page.text(c.x, Weight::Regular, 10.0, cell);
                }
                page.y -= LINE;
            }
            page.rule();
            page.y -= LINE;
        }
        for (line, bold) in &self.closing {
            let weight = if *bold { Weight::Bold } else { Weight::Regular };
            page.paragraph(0.0, weight, line);
        }
        let last = std::mem::replace(&mut page.content, Content::new());
        page.pages.push(last);
        page
    }

    pub fn render(&self) -> Vec<u8> {
        self.render_with(FontUse::subset)
    }

    /// Renders with `subset` making each font's program, so a test can show what happens when
    /// subsetting fails.
    fn render_with(&self, subset: impl Fn(&FontUse) -> Option<Vec<u8>>) -> Vec<u8> {
        let layout = self.layout();
        let mut pdf = Pdf::new();
        let mut next = Ref::new(1);
        let catalog = next.bump();
        let tree = next.bump();
        let info = next.bump();
        let fonts: Vec<(Weight, Ref)> = [&layout.regular, &layout.bold]
            .into_iter()
            .filter(|f| f.is_used())
            .map(|f| (f.weight, f.write(&mut pdf, &mut next, subset(f))))
            .collect();
        let pages: Vec<(Ref, Ref)> = layout
            .pages
            .iter()
            .map(|_| (next.bump(), next.bump()))
            .collect();
        let count = i32::try_from(pages.len()).unwrap_or(i32::MAX);
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(pages.iter().map(|(page, _)| *page))
            .count(count);
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
        for ((page_ref, content_ref), content) in pages.into_iter().zip(layout.pages) {
            let mut p = pdf.page(page_ref);
            p.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
            p.parent(tree);
            p.contents(content_ref);
            let mut resources = p.resources();
            let mut dict = resources.fonts();
            for (weight, font) in &fonts {
                dict.pair(weight.resource(), *font);
            }
            dict.finish();
            resources.finish();
            p.finish();
            write_stream(&mut pdf, content_ref, &content.finish(), |_| {});
        }
        pdf.finish()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Runs a Poppler tool on `pdf` written to a file and returns what it prints. A missing tool
    /// fails the test: these tools are the oracle, and a test that skipped without them would
    /// prove nothing (scripts/ensure-tools.sh installs poppler-utils).
    fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
        let dir = crate::ca::test_support::temp_dir("pdf");
        let file = dir.join("document.pdf");
        std::fs::write(&file, pdf).unwrap();
        let out = std::process::Command::new(tool)
            .args(args)
            .arg(&file)
            .args(if tool == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            })
            .output()
            .unwrap_or_else(|e| {
                panic!("{tool} (poppler-utils, installed by scripts/ensure-tools.sh): {e}")
            });
        assert!(
            out.status.success(),
            "{tool}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_dir_all(dir).unwrap();
        String::from_utf8(out.stdout).unwrap()
    }

    /// The text of a PDF as `pdftotext` (Poppler) reads it: the oracle that a real reader
    /// opens what Rootline writes.
    pub(crate) fn pdf_text(pdf: &[u8]) -> String {
        poppler("pdftotext", &["-layout"], pdf)
    }

    fn pages_of(pdf: &[u8]) -> usize {
        poppler("pdfinfo", &[], pdf)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    /// A font as `pdffonts` lists it.
    #[derive(Debug)]
    struct Listed {
        name: String,
        embedded: bool,
        subset: bool,
        to_unicode: bool,
    }

    fn fonts_of(pdf: &[u8]) -> Vec<Listed> {
        poppler("pdffonts", &[], pdf)
            .lines()
            .skip(2)
            .map(|line| {
                // name, a type of one or two words, encoding, emb, sub, uni, object id, generation
                let words: Vec<&str> = line.split_whitespace().collect();
                let from_end = |i: usize| words[words.len() - i] == "yes";
                Listed {
                    name: words[0].to_owned(),
                    embedded: from_end(5),
                    subset: from_end(4),
                    to_unicode: from_end(3),
                }
            })
            .collect()
    }

    /// The non-empty lines `pdftotext` reads, without the layout's indentation.
    fn lines_of(pdf: &[u8]) -> Vec<String> {
        pdf_text(pdf)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn polish_and_currencies() -> Document {
        Document {
            title: "Zażółć gęślą jaźń".into(),
            closing: vec![("₹ 1 234,56".into(), true), ("€".into(), false)],
            ..Document::default()
        }
    }

    #[test]
    fn both_embedded_fonts_parse_and_have_polish_latin_extended_and_currency_glyphs() {
        for weight in [Weight::Regular, Weight::Bold] {
            let font = FontUse::new(weight);
            assert!(font.face.is_some(), "{weight:?} does not parse");
            for c in "AzĄąĆćĘęŁłŃńÓóŚśŹźŻżČřŞşĞğȘșȚțƒǅ€₹$£¥₽₺–—„”…".chars()
            {
                assert_ne!(font.glyph(c), 0, "{weight:?} has no glyph for {c}");
            }
            assert!(font.width("Zażółć", 10.0) > 0.0);
        }
    }

    #[test]
    fn polish_letters_and_currency_signs_read_back_exactly_as_written() {
        let pdf = polish_and_currencies().render();
        assert_eq!(
            lines_of(&pdf),
            ["Zażółć gęślą jaźń", "₹ 1 234,56", "€"],
            "pdftotext read:\n{}",
            pdf_text(&pdf)
        );
    }

    #[test]
    fn both_faces_are_embedded_as_tagged_subsets_with_a_unicode_map() {
        let pdf = polish_and_currencies().render();
        let fonts = fonts_of(&pdf);
        assert_eq!(fonts.len(), 2, "{fonts:?}");
        for font in &fonts {
            let (tag, base) = font.name.split_once('+').unwrap();
            assert!(
                tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()),
                "{font:?}"
            );
            assert!(
                ["DejaVuSans", "DejaVuSans-Bold"].contains(&base),
                "{font:?}"
            );
            assert!(font.embedded && font.subset && font.to_unicode, "{font:?}");
        }
        assert_ne!(fonts[0].name, fonts[1].name);
    }

    #[test]
    fn a_face_that_no_text_is_set_in_is_not_embedded() {
        let doc = Document {
            title: "Nur fett".into(),
            ..Document::default()
        };
        let fonts = fonts_of(&doc.render());
        assert_eq!(fonts.len(), 1, "{fonts:?}");
        assert!(fonts[0].name.ends_with("+DejaVuSans-Bold"), "{fonts:?}");
    }

    #[test]
    fn a_font_that_cannot_be_subset_goes_in_whole_and_still_reads_back() {
        let pdf = polish_and_currencies().render_with(|_| None);
        assert_eq!(lines_of(&pdf), ["Zażółć gęślą jaźń", "₹ 1 234,56", "€"]);
        let fonts = fonts_of(&pdf);
        assert_eq!(fonts.len(), 2, "{fonts:?}");
        for font in &fonts {
            assert!(!font.name.contains('+'), "{font:?}");
            assert!(font.embedded && !font.subset && font.to_unicode, "{font:?}");
        }
    }

    #[test]
    fn a_document_of_a_few_characters_stays_small() {
        let pdf = polish_and_currencies().render();
        println!("a document of a few characters: {} bytes", pdf.len());
        assert!(pdf.len() < 40 * 1024, "{} bytes", pdf.len());
    }

    #[test]
    fn the_same_document_renders_to_the_same_bytes() {
        assert_eq!(
            polish_and_currencies().render(),
            polish_and_currencies().render()
        );
    }

    #[test]
    fn wrapped_lines_fit_the_width_and_keep_every_word() {
        let font = FontUse::new(Weight::Regular);
        let names: Vec<String> = (1..=40).map(|i| format!("host{i}.łódź.example")).collect();
        let text = format!("Names: {}", names.join(", "));
        let max = WIDTH - 2.0 * MARGIN;
        let lines = wrap(&font, 10.0, &text, max);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(font.width(line, 10.0) <= max, "too wide: {line}");
        }
        assert_eq!(lines.join(" "), text);

        let long = "x".repeat(400);
        let parts = wrap(&font, 10.0, &long, max);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|p| font.width(p, 10.0) <= max));
        assert_eq!(parts.concat(), long);
    }

    #[test]
    fn a_long_closing_line_wraps_onto_lines_a_reader_sees_whole() {
        let names: Vec<String> = (1..=30)
            .map(|i| format!("host{i}.kraków.example"))
            .collect();
        let doc = Document {
            title: "Invoice INV-000008".into(),
            closing: vec![(format!("Names: {}", names.join(", ")), false)],
            ..Document::default()
        };
        let lines = lines_of(&doc.render());
        assert!(lines.len() > 3, "{lines:?}");
        let read = lines[1..].join(" ");
        assert_eq!(read, format!("Names: {}", names.join(", ")));
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
                    heading: "Order".into(),
                    x: 0.0,
                },
                Column {
                    heading: "Amount".into(),
                    x: 300.0,
                },
            ],
            rows: (1..=80)
                .map(|i| vec![format!("#{i} DV SSL"), format!("USD {i}.00")])
                .collect(),
            closing: vec![
                ("Total: USD 3240.00".into(), true),
                ("ünïcode ₹ Łódź".into(), false),
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
            "ünïcode ₹ Łódź",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
        assert_eq!(pages_of(&pdf), 2, "80 rows need a second page");
    }
}
