//! Drawing primitives for the page's inline SVG charts: an element buffer, a value axis
//! with round ticks, and label widths for mixed Chinese and Latin text. Geometry only:
//! every figure a chart prints is handed in as text by its caller.

use std::fmt::Write;

use super::escape;
use crate::rates::Percent;

/// Where a text's x coordinate sits on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A point marker's shape; each trend line has its own, so lines stay apart in black
/// and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// One chart being drawn: SVG elements styled by the page's CSS classes.
pub struct Svg {
    body: String,
    width: f64,
    height: f64,
    label: String,
}

impl Svg {
    /// A chart of `width` × `height` user units; `label` names it for screen readers.
    pub fn new(width: f64, height: f64, label: &str) -> Svg {
        Svg {
            body: String::new(),
            width,
            height,
            label: label.to_owned(),
        }
    }

    /// A line of text; `class` picks its style (e.g. `value`, `tick`, `hint`).
    pub fn text(&mut self, x: f64, y: f64, anchor: Anchor, class: &str, text: &str) {
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{}" class="{class}">{}</text>"#,
            anchor.name(),
            escape(text)
        );
    }

    /// Text with a tooltip holding the whole of a shortened label.
    pub fn text_titled(
        &mut self,
        x: f64,
        y: f64,
        anchor: Anchor,
        class: &str,
        text: &str,
        title: &str,
    ) {
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{}" class="{class}"><title>{}</title>{}</text>"#,
            anchor.name(),
            escape(title),
            escape(text)
        );
    }

    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, class: &str) {
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" class="{class}"/>"#,
            width.max(0.0),
            height.max(0.0)
        );
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), class: &str) {
        let _ = write!(
            self.body,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="{class}"/>"#,
            from.0, from.1, to.0, to.1
        );
    }

    /// The value grid of `axis` across a plot from `left` to `right`: a line at each tick
    /// (the axis line at zero) and its label left of the plot; `y_of` places a value.
    pub fn value_grid(&mut self, axis: Axis, left: f64, right: f64, y_of: impl Fn(Percent) -> f64) {
        for (value, label) in axis.ticks() {
            let y = y_of(value);
            let class = if value.0 == 0 { "axis" } else { "grid" };
            self.line((left, y), (right, y), class);
            self.text(left - 5.0, y + 3.5, Anchor::End, "tick", &label);
        }
    }

    /// A polyline through `points`.
    pub fn polyline(&mut self, points: &[(f64, f64)], class: &str) {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            self.body,
            r#"<polyline points="{}" class="{class}"/>"#,
            points.join(" ")
        );
    }

    /// A point marker of about 7 units across, centred on (`x`, `y`).
    pub fn marker(&mut self, shape: Shape, x: f64, y: f64, class: &str) {
        let r = 3.5;
        let _ = match shape {
            Shape::Circle => write!(
                self.body,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" class="{class}"/>"#
            ),
            Shape::Square => write!(
                self.body,
                r#"<rect x="{:.1}" y="{:.1}" width="6" height="6" class="{class}"/>"#,
                x - 3.0,
                y - 3.0
            ),
            Shape::Triangle => write!(
                self.body,
                r#"<polygon points="{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" class="{class}"/>"#,
                y - 4.2,
                x + 4.0,
                y + 2.8,
                x - 4.0,
                y + 2.8
            ),
            Shape::Diamond => write!(
                self.body,
                r#"<polygon points="{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}" class="{class}"/>"#,
                y - 4.2,
                x + 4.2,
                y + 4.2,
                x - 4.2
            ),
        };
    }

    /// The finished `<svg>` element, scaled to its container's width by the page's CSS.
    pub fn finish(self) -> String {
        format!(
            r#"<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}">{}</svg>"#,
            escape(&self.label),
            self.body,
            w = self.width,
            h = self.height,
        )
    }
}

/// A value axis from 0 to a round top, in hundredths of a percent like [`Percent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    pub top: i64,
    pub step: i64,
}

impl Axis {
    /// The smallest axis with about five round steps (1, 2 or 5 × 10ⁿ) that holds every
    /// value; 0–10% when there is nothing above zero.
    pub fn holding(values: impl IntoIterator<Item = Percent>) -> Axis {
        let max = values.into_iter().map(|p| p.0).max().unwrap_or(0);
        if max <= 0 {
            return Axis {
                top: 1000,
                step: 200,
            };
        }
        let mut magnitude = 1;
        let step = loop {
            if let Some(step) = [1, 2, 5]
                .iter()
                .map(|m| m * magnitude)
                .find(|step| step * 5 >= max)
            {
                break step;
            }
            magnitude *= 10;
        };
        Axis {
            top: (max + step - 1) / step * step,
            step,
        }
    }

    /// Where `value` falls between 0 (the axis start) and 1 (its top).
    pub fn fraction(self, value: Percent) -> f64 {
        (value.as_f64() / Percent(self.top).as_f64()).clamp(0.0, 1.0)
    }

    /// The tick values from 0 to the top, with their labels (`20%`, `2.5%`).
    pub fn ticks(self) -> Vec<(Percent, String)> {
        (0..=self.top / self.step)
            .map(|i| {
                let value = Percent(i * self.step);
                let label = if value.0 % 100 == 0 {
                    format!("{}%", value.0 / 100)
                } else {
                    format!("{}%", value.to_string().trim_end_matches('0'))
                };
                (value, label)
            })
            .collect()
    }
}

/// The rough width of `text` at `size` user units: a full em per Chinese character,
/// a little over half for Latin letters and digits.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.58 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// `text`, shortened with `…` to fit `width` at `size`.
pub fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut fitted = String::new();
    for c in text.chars() {
        let mut next = fitted.clone();
        next.push(c);
        if text_width(&next, size) + size > width {
            break;
        }
        fitted = next;
    }
    fitted.push('…');
    fitted
}

/// A count of bars or points as a coordinate factor.
#[allow(clippy::cast_precision_loss)] // charts hold tens of items, far below 2^52
pub fn float(count: usize) -> f64 {
    count as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn axis(max: i64, top: i64, step: i64) {
        assert_eq!(Axis::holding([Percent(max)]), Axis { top, step }, "{max}");
    }

    #[test]
    fn axes_end_on_a_round_step() {
        axis(7576, 8000, 2000);
        axis(3711, 4000, 1000);
        axis(2500, 2500, 500);
        axis(828, 1000, 200);
        axis(10_000, 10_000, 2000);
        axis(3, 3, 1);
        axis(0, 1000, 200);
        assert_eq!(Axis::holding([]), Axis::holding([Percent(0)]));
    }

    #[test]
    fn tick_labels_are_short() {
        let labels: Vec<String> = Axis {
            top: 1000,
            step: 250,
        }
        .ticks()
        .into_iter()
        .map(|(_, label)| label)
        .collect();
        assert_eq!(labels, ["0%", "2.5%", "5%", "7.5%", "10%"]);
    }

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(fit("都匀市", 60.0, 10.0), "都匀市");
        assert_eq!(fit("三都水族自治县人民政府", 60.0, 10.0), "三都水族自…");
    }
}
