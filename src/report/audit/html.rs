//! Self-contained HTML report: batch score, score histogram (inline SVG),
//! findings by code, articles, and the worst pairs side by side with the
//! problem highlighted. Inline CSS, no script, no external resource.

use super::markdown::code_counts;
use crate::audit::run::AuditRun;
use crate::diagnostic::Severity;
use crate::span::Span;
use std::fmt::Write as _;
use std::io::Write;

/// How many of the worst pairs the report shows.
pub const WORST: usize = 50;
/// Histogram bins over `[0, 1]`.
const BINS: usize = 10;

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// `text` escaped, with the byte spans `marks` wrapped in `<mark>`
/// (overlaps merged, spans off char boundaries or out of range ignored).
pub fn highlight(text: &str, marks: &[Span]) -> String {
    let mut spans: Vec<Span> = marks
        .iter()
        .copied()
        .filter(|s| {
            !s.is_empty()
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .collect();
    spans.sort();
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for s in spans {
        if s.end <= at {
            continue;
        }
        let start = s.start.max(at);
        out.push_str(&esc(&text[at..start]));
        out.push_str("<mark>");
        out.push_str(&esc(&text[start..s.end]));
        out.push_str("</mark>");
        at = s.end;
    }
    out.push_str(&esc(&text[at..]));
    out
}

fn tone(score: f64) -> &'static str {
    if score >= 0.9 {
        "good"
    } else if score >= 0.7 {
        "fair"
    } else {
        "poor"
    }
}

/// Counts of pair scores in `BINS` equal bins over `[0, 1]`.
pub fn histogram(scores: impl IntoIterator<Item = f64>) -> [usize; BINS] {
    let mut bins = [0; BINS];
    for s in scores {
        let i = ((s.clamp(0.0, 1.0) * BINS as f64) as usize).min(BINS - 1);
        bins[i] += 1;
    }
    bins
}

fn svg_histogram(bins: &[usize; BINS]) -> String {
    let (w, h, pad_l, pad_b, pad_t) = (560.0, 220.0, 44.0, 34.0, 16.0);
    let max = bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bar_w = (w - pad_l - 10.0) / BINS as f64;
    let plot_h = h - pad_b - pad_t;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg id="histogram" class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="Histogram of pair scores" xmlns="http://www.w3.org/2000/svg">"#
    );
    let _ = write!(
        s,
        r##"<line x1="{pad_l}" y1="{y}" x2="{x2}" y2="{y}" stroke="#888"/>"##,
        y = h - pad_b,
        x2 = w - 10.0
    );
    let _ = write!(
        s,
        r##"<text x="{x}" y="{y}" font-size="11" text-anchor="end" fill="#555">{max}</text>"##,
        x = pad_l - 6.0,
        y = pad_t + 4.0,
        max = max as usize
    );
    for (i, &n) in bins.iter().enumerate() {
        let bh = plot_h * n as f64 / max;
        let x = pad_l + i as f64 * bar_w + 2.0;
        let y = h - pad_b - bh;
        let lo = i as f64 / BINS as f64;
        let class = tone(lo + 0.05);
        let _ = write!(
            s,
            r#"<rect class="bar {class}" x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}"><title>{lo:.1}–{hi:.1}: {n} pairs</title></rect>"#,
            bw = bar_w - 4.0,
            hi = lo + 1.0 / BINS as f64
        );
        if n > 0 {
            let _ = write!(
                s,
                r##"<text x="{cx:.1}" y="{ty:.1}" font-size="11" text-anchor="middle" fill="#333">{n}</text>"##,
                cx = x + (bar_w - 4.0) / 2.0,
                ty = y - 3.0
            );
        }
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{ty}" font-size="11" text-anchor="middle" fill="#555">{lo:.1}</text>"##,
            x = pad_l + i as f64 * bar_w,
            ty = h - pad_b + 15.0
        );
    }
    let _ = write!(
        s,
        r##"<text x="{x}" y="{ty}" font-size="11" text-anchor="middle" fill="#555">1.0</text><text x="{cx}" y="{by}" font-size="12" text-anchor="middle" fill="#333">pair score</text></svg>"##,
        x = w - 10.0,
        ty = h - pad_b + 15.0,
        cx = pad_l + (w - pad_l) / 2.0,
        by = h - 4.0
    );
    s
}

const STYLE: &str = r#"
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Malgun Gothic",sans-serif;margin:0;background:#f6f7f9;color:#1d232b}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
.sub{color:#5b6572;margin:0 0 18px}
.cards{display:flex;gap:16px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:14px 18px;min-width:150px}
.card .v{font-size:30px;font-weight:650}.card .k{color:#5b6572;font-size:13px}
.good{color:#17803d;fill:#3fae61}.fair{color:#a86300;fill:#e5a23a}.poor{color:#b42318;fill:#e0574b}
.panel{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:16px}
.row{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e6e9ed;padding:7px 9px;text-align:left;vertical-align:top}
th{background:#eef1f4;font-size:13px}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.text{width:33%}
td.fcol{min-width:220px}
mark{background:#ffd8a8;border-radius:2px;padding:0 1px}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:#eef1f4;border-radius:4px;padding:1px 5px;white-space:nowrap}
ul.f{margin:0;padding-left:16px;font-size:13px}
.sev-error{color:#b42318}.sev-warning{color:#a86300}.sev-info{color:#5b6572}
"#;

/// Write the report.
pub fn write(w: &mut dyn Write, run: &AuditRun) -> std::io::Result<()> {
    let mut h = String::with_capacity(64 * 1024);
    let n = run.pairs.len();
    let flagged = run.batch.flagged();
    let score = run.batch.score;
    let _ = write!(
        h,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Translation audit: {title}</title><style>{STYLE}</style></head><body><main>"#,
        title = esc(&run.title)
    );
    let _ = write!(
        h,
        r#"<h1>Translation audit</h1><p class="sub">{}</p><div class="cards"><div class="card" id="batch-score"><div class="v {}">{score:.3}</div><div class="k">batch score</div></div><div class="card"><div class="v">{n}</div><div class="k">pairs</div></div><div class="card"><div class="v">{flagged}</div><div class="k">flagged pairs</div></div><div class="card"><div class="v">{}</div><div class="k">{}</div></div></div>"#,
        esc(&run.title),
        tone(score),
        run.groups.len(),
        if run.groups.iter().any(|g| g.rows.len() > 1) {
            "articles"
        } else {
            "rows"
        }
    );
    let bins = histogram(run.batch.pairs.iter().map(|p| p.score));
    let _ = write!(
        h,
        r#"<div class="row"><section><h2>Score distribution</h2><div class="panel">{}</div></section><section style="flex:1;min-width:300px"><h2>Findings</h2><table id="findings"><thead><tr><th>Code</th><th>Category</th><th>What</th><th>Count</th></tr></thead><tbody>"#,
        svg_histogram(&bins)
    );
    let counts = code_counts(run);
    if counts.is_empty() {
        h.push_str(r#"<tr><td colspan="4">No findings.</td></tr>"#);
    }
    for (c, k) in counts {
        let _ = write!(
            h,
            r#"<tr><td><span class="code">{c}</span></td><td>{}</td><td>{}</td><td class="num">{k}</td></tr>"#,
            c.category(),
            esc(c.title())
        );
    }
    h.push_str("</tbody></table></section></div>");
    if run.groups.iter().any(|g| g.rows.len() > 1) {
        h.push_str(r#"<h2>Articles</h2><table id="articles"><thead><tr><th>Article</th><th>Pairs</th><th>Score</th></tr></thead><tbody>"#);
        let mut groups: Vec<_> = run.groups.iter().collect();
        groups.sort_by(|a, b| a.score.total_cmp(&b.score));
        for g in groups {
            let _ = write!(
                h,
                r#"<tr><td>{}</td><td class="num">{}</td><td class="num {}">{:.3}</td></tr>"#,
                esc(&g.name),
                g.rows.len(),
                tone(g.score),
                g.score
            );
        }
        h.push_str("</tbody></table>");
    }
    if !run.unpaired.is_empty() {
        h.push_str(r#"<h2>Unpaired articles</h2><table id="unpaired"><thead><tr><th>Side</th><th>Article</th><th>Title</th></tr></thead><tbody>"#);
        for u in &run.unpaired {
            let _ = write!(
                h,
                r#"<tr><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                u.side.as_str(),
                esc(&u.path),
                esc(&u.title)
            );
        }
        h.push_str("</tbody></table>");
    }
    let _ = write!(
        h,
        r#"<h2>Worst pairs</h2><table id="worst-pairs"><thead><tr><th>Pair</th><th>Score</th><th>Findings</th><th>Korean</th><th>English</th></tr></thead><tbody>"#
    );
    for row in run.worst_rows().into_iter().take(WORST) {
        let r = &run.batch.pairs[row];
        let p = &run.pairs[row];
        let mut fl = String::from(r#"<ul class="f">"#);
        for f in &r.findings {
            let _ = write!(
                fl,
                r#"<li class="sev-{}"><span class="code">{}</span> {}</li>"#,
                f.severity.as_str(),
                f.code,
                esc(&f.message)
            );
        }
        fl.push_str("</ul>");
        let shown = |side: fn(&crate::audit::Finding) -> Option<Span>| -> Vec<Span> {
            r.findings
                .iter()
                .filter(|f| f.severity > Severity::Info || !r.flagged)
                .filter_map(side)
                .collect()
        };
        // A span covering a whole side says nothing about where the problem is.
        let ko_marks: Vec<Span> = shown(|f| f.ko)
            .into_iter()
            .filter(|s| s.len() < p.ko.len())
            .collect();
        let en_marks: Vec<Span> = shown(|f| f.en)
            .into_iter()
            .filter(|s| s.len() < p.en.len())
            .collect();
        let _ = write!(
            h,
            r#"<tr class="{}"><td>{}</td><td class="num {}">{:.3}</td><td class="fcol">{fl}</td><td class="text" lang="ko">{}</td><td class="text" lang="en">{}</td></tr>"#,
            if r.flagged { "flagged" } else { "ok" },
            esc(&run.pair_name(row)),
            tone(r.score),
            r.score,
            highlight(&p.ko, &ko_marks),
            highlight(&p.en, &en_marks)
        );
    }
    h.push_str("</tbody></table>");
    let _ = write!(
        h,
        r#"<p class="sub" style="margin-top:20px">Scores are the model's probability that a pair is a correct translation; the batch and article scores weight pairs by source length. Generated by bitext {}.</p></main></body></html>"#,
        env!("CARGO_PKG_VERSION")
    );
    w.write_all(h.as_bytes())?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_escapes_and_merges() {
        let t = "a<b> 집에";
        let out = highlight(t, &[Span::new(1, 4), Span::new(2, 5), Span::new(5, 8)]);
        assert_eq!(
            out,
            "a<mark>&lt;b&gt;</mark><mark> </mark><mark>집</mark>에"
        );
    }

    #[test]
    fn highlight_ignores_bad_spans() {
        assert_eq!(
            highlight("집에", &[Span::new(1, 2), Span::new(0, 99)]),
            "집에"
        );
    }

    #[test]
    fn histogram_bins_the_edges() {
        let b = histogram([0.0, 0.05, 0.5, 0.99, 1.0]);
        assert_eq!(b[0], 2);
        assert_eq!(b[5], 1);
        assert_eq!(b[9], 2);
    }
}
