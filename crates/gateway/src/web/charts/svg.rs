//! The few pieces of SVG every chart is made of: escaping, the opening
//! element with its text alternative, and fills (a colour and a pattern).

use std::fmt::Write;

use super::ChartTexts;

/// Text and attribute values with the five XML specials escaped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// `text` cut to `max` characters with an ellipsis (the table has it whole).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// The opening `<svg>` with its title and description, which screen
/// readers announce for the whole picture (`role="img"`).
pub fn open(texts: &ChartTexts, width: u32, height: u32, class: &str) -> String {
    let id = escape(&texts.id);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg {class}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(&texts.title),
        escape(&texts.summary)
    )
}

/// What is drawn over a category's colour so that it differs by more
/// than its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    Solid,
    Diagonal,
    Cross,
    Horizontal,
    Dots,
    Vertical,
}

/// How an area of a category is filled: its colour, its pattern, and the
/// colour of text written on it (4.5:1 or better against the colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fill {
    pub colour: &'static str,
    pub pattern: Pattern,
    pub ink: &'static str,
}

/// Dark text, 4.5:1 or better on every light fill.
pub const DARK_INK: &str = "#1b1f24";
const LIGHT_INK: &str = "#ffffff";

impl Fill {
    /// Implemented, done: green, plain.
    pub const GREEN: Fill = Fill::new("#1a7f37", Pattern::Solid, LIGHT_INK);
    /// Under way: blue with diagonal stripes.
    pub const BLUE: Fill = Fill::new("#0b5cad", Pattern::Diagonal, LIGHT_INK);
    /// Failed, not implemented: red, cross-hatched.
    pub const RED: Fill = Fill::new("#b42318", Pattern::Cross, LIGHT_INK);
    /// Declined: brown with horizontal stripes.
    pub const BROWN: Fill = Fill::new("#8e5400", Pattern::Horizontal, LIGHT_INK);
    /// Waiting: grey, dotted.
    pub const GREY: Fill = Fill::new("#5f6b7a", Pattern::Dots, LIGHT_INK);
    /// Not concerned: a very light grey with vertical lines.
    pub const NONE: Fill = Fill::new("#eceff3", Pattern::Vertical, DARK_INK);
    /// One series of bars.
    pub const BAR: Fill = Fill::new("#0b5cad", Pattern::Solid, LIGHT_INK);
    /// Classes of counts, from none to many (light to dark blue, the
    /// count written on the canton besides).
    pub const CLASSES: [Fill; 5] = [
        Fill::new("#f1f5fa", Pattern::Solid, DARK_INK),
        Fill::new("#c6dbef", Pattern::Solid, DARK_INK),
        Fill::new("#86b4de", Pattern::Solid, DARK_INK),
        Fill::new("#2f6fb0", Pattern::Solid, LIGHT_INK),
        Fill::new("#0b3f7a", Pattern::Solid, LIGHT_INK),
    ];

    pub const fn new(colour: &'static str, pattern: Pattern, ink: &'static str) -> Self {
        Self {
            colour,
            pattern,
            ink,
        }
    }

    /// The `<pattern>` element named `id`, or nothing for a plain colour.
    pub fn definition(&self, id: &str) -> String {
        let lines = match self.pattern {
            Pattern::Solid => return String::new(),
            Pattern::Diagonal => "<path d=\"M-2 2L2 -2M0 8L8 0M6 10L10 6\" stroke-width=\"1.5\"/>",
            Pattern::Cross => "<path d=\"M0 0L8 8M8 0L0 8\" stroke-width=\"1.2\"/>",
            Pattern::Horizontal => "<path d=\"M0 2H8M0 6H8\" stroke-width=\"1.2\"/>",
            Pattern::Dots => "<circle cx=\"4\" cy=\"4\" r=\"1.4\" stroke-width=\"0\"/>",
            Pattern::Vertical => "<path d=\"M2 0V8M6 0V8\" stroke-width=\"0.8\"/>",
        };
        let line = if self.ink == DARK_INK {
            "#8a96a3"
        } else {
            "#ffffff"
        };
        format!(
            "<pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">\
             <rect width=\"8\" height=\"8\" fill=\"{}\"/><g stroke=\"{line}\" fill=\"{line}\">{lines}</g></pattern>",
            escape(id),
            self.colour
        )
    }

    /// The value of a `fill` attribute using the pattern `id` defined by
    /// [`Fill::definition`].
    pub fn paint(&self, id: &str) -> String {
        match self.pattern {
            Pattern::Solid => self.colour.to_owned(),
            _ => format!("url(#{})", escape(id)),
        }
    }

    /// A small square of this fill for a legend, hidden from screen
    /// readers (the legend's text says it).
    pub fn swatch(&self, id: &str) -> String {
        let mut svg = String::from(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 20 20\" \
             width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\">",
        );
        let definition = self.definition(id);
        if !definition.is_empty() {
            let _ = write!(svg, "<defs>{definition}</defs>");
        }
        let _ = write!(
            svg,
            "<rect x=\"1\" y=\"1\" width=\"18\" height=\"18\" fill=\"{}\" stroke=\"#1b1f24\" stroke-width=\"1\"/></svg>",
            self.paint(id)
        );
        svg
    }
}

/// Pattern definitions for `fills`, named `{chart}-fill-{index}`.
pub fn definitions(chart: &str, fills: &[Fill]) -> String {
    let inner: String = fills
        .iter()
        .enumerate()
        .map(|(index, fill)| fill.definition(&fill_id(chart, index)))
        .collect();
    if inner.is_empty() {
        String::new()
    } else {
        format!("<defs>{inner}</defs>")
    }
}

/// The id of the pattern of category `index` in `chart`.
pub fn fill_id(chart: &str, index: usize) -> String {
    format!("{chart}-fill-{index}")
}

/// Text drawn on a fill: its ink, with a halo of the fill's own colour so
/// that stripes and borders under it do not lower the contrast.
pub fn label_on(fill: &Fill, x: f64, y: f64, anchor: &str, size: u32, text: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"{size}\" \
         fill=\"{}\" stroke=\"{}\" stroke-width=\"3\" paint-order=\"stroke\" \
         stroke-linejoin=\"round\">{}</text>",
        fill.ink,
        fill.colour,
        escape(text)
    )
}

/// Dark text on the white background of a chart.
pub fn text(x: f64, y: f64, anchor: &str, size: u32, content: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{DARK_INK}\">{}</text>",
        escape(content)
    )
}
