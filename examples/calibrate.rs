//! Fit the audit's confidence model on the labelled calibration set and write
//! `calibration/weights.tsv`, which the audit compiles in.
//!
//! ```sh
//! cargo run --release --example calibrate            # fit, print k-fold figures, write the file
//! cargo run --release --example calibrate -- --check # fit and print only
//! cargo run --release --example calibrate -- --check --cases all.tsv  # also write every case
//! ```
//!
//! Data: `calibration/pairs.tsv` (real-style pairs written and labelled for
//! the project) and synthetic defects this program makes from its clean
//! pairs (a clause cut, a figure changed, a name dropped, the English of
//! another pair, a phrase repeated, Korean left in the English), always the
//! same for the same input.
//!
//! Model: every finding (a signal strong enough to show) is an example,
//! positive when the pair's label holds a defect of the finding's category.
//! For each evidence class, `P(real) = σ(a + b·weight)`, fitted by penalised
//! maximum likelihood and shrunk towards the fit of all findings; the penalty is chosen by k-fold log-loss.
//! A class may reach `error` only when its held-out `error` findings on the
//! real-style pairs are right at least nine times in ten.

use bitext::audit::calibration::{severity_of, ERROR_CONFIDENCE};
use bitext::audit::score::shown;
use bitext::audit::{signals, Pair};
use bitext::diagnostic::Severity;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const FOLDS: u64 = 5;
/// Fewest findings a class needs for a row of its own (else its code's row
/// serves it).
const MIN_CLASS: usize = 5;
/// Fewest held-out `error` findings on real-style pairs before a class may
/// be trusted with `error`.
const MIN_ERRORS: usize = 3;
const PENALTIES: [f64; 5] = [0.03, 0.1, 0.3, 1.0, 3.0];

#[derive(Clone, Debug)]
struct Case {
    group: String,
    ko: String,
    en: String,
    defect: bool,
    cats: Vec<String>,
    major: bool,
    written: bool,
}

#[derive(Clone, Debug)]
struct Obs {
    case: usize,
    code: &'static str,
    key: String,
    category: &'static str,
    weight: f64,
    real: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let check = args.iter().any(|a| a == "--check");
    let dump = args
        .iter()
        .position(|a| a == "--cases")
        .and_then(|i| args.get(i + 1));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("calibration");
    let text = match std::fs::read_to_string(root.join("pairs.tsv")) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("calibrate: cannot read calibration/pairs.tsv: {e}");
            std::process::exit(2);
        }
    };
    let written = read_written(&text);
    let mut cases = written.clone();
    cases.extend(synthesise(&written));
    let n_written = written.len();
    if let Some(path) = dump {
        // Every case as a pairs file (`bitext audit --pairs` reads it).
        let mut t = String::from("id\tko\ten\tverdict\tcategories\tsource\n");
        for (i, c) in cases.iter().enumerate() {
            let _ = writeln!(
                t,
                "{}.{i}\t{}\t{}\t{}\t{}\t{}",
                c.group,
                c.ko,
                c.en,
                if c.defect { "defect" } else { "clean" },
                c.cats.join(","),
                if c.written { "written" } else { "synthetic" }
            );
        }
        if let Err(e) = std::fs::write(path, t) {
            eprintln!("calibrate: cannot write {path}: {e}");
            std::process::exit(2);
        }
    }
    let obs = observe(&cases);
    println!(
        "calibration set: {} written pairs ({} defective), {} synthetic; {} findings",
        n_written,
        written.iter().filter(|c| c.defect).count(),
        cases.len() - n_written,
        obs.len()
    );

    // Penalty by k-fold log-loss.
    let mut best = (f64::INFINITY, PENALTIES[0]);
    for &lambda in &PENALTIES {
        let mut loss = 0.0;
        for fold in 0..FOLDS {
            let (train, test) = split(&obs, &cases, fold);
            let fit = Fit::new(&train, lambda);
            for o in &test {
                let p = fit.prob(o).clamp(1e-6, 1.0 - 1e-6);
                loss -= if o.real { p.ln() } else { (1.0 - p).ln() };
            }
        }
        let loss = loss / obs.len().max(1) as f64;
        println!("penalty {lambda:<5} k-fold log-loss {loss:.4}");
        if loss < best.0 {
            best = (loss, lambda);
        }
    }
    let lambda = best.1;

    // Out-of-fold confidences: the held-out figures and the caps.
    let mut oof = vec![0.0; obs.len()];
    for fold in 0..FOLDS {
        let (train, _) = split(&obs, &cases, fold);
        let fit = Fit::new(&train, lambda);
        for (i, o) in obs.iter().enumerate() {
            if fold_of(&cases[o.case].group) == fold {
                oof[i] = fit.prob(o);
            }
        }
    }
    let fit = Fit::new(&obs, lambda);
    let mut caps: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (o, &p) in obs.iter().zip(&oof) {
        if cases[o.case].written && p >= ERROR_CONFIDENCE {
            for k in prefixes(&o.key, o.code) {
                let e = caps.entry(k).or_default();
                e.0 += 1;
                e.1 += o.real as usize;
            }
        }
    }
    // A row's own held-out errors decide its cap when there are enough of
    // them; else its code's do.
    let cap_of = |key: &str| -> Severity {
        let verdict = |k: &str| match caps.get(k) {
            Some(&(n, ok)) if n >= MIN_ERRORS => Some(ok as f64 >= 0.9 * n as f64),
            _ => None,
        };
        let code = key.split('/').next().unwrap_or(key);
        match prefixes(key, code).iter().find_map(|k| verdict(k)) {
            Some(true) => Severity::Error,
            _ => Severity::Warning,
        }
    };
    println!("\nheld-out ({FOLDS}-fold, penalty {lambda}) per evidence class, real-style pairs:");
    println!("class\tfindings\tright\terror_findings\terror_right\tcap");
    let mut per: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for (o, &p) in obs.iter().zip(&oof) {
        if !cases[o.case].written {
            continue;
        }
        let e = per.entry(fit.row_of(o)).or_default();
        e[0] += 1;
        e[1] += o.real as usize;
        if p >= ERROR_CONFIDENCE {
            e[2] += 1;
            e[3] += o.real as usize;
        }
    }
    for (k, v) in &per {
        println!(
            "{k}\t{}\t{}\t{}\t{}\t{}",
            v[0],
            v[1],
            v[2],
            v[3],
            cap_of(k).as_str()
        );
    }

    // Pair-level held-out figures, as the audit would flag.
    for (name, want_written) in [("real-style (written)", true), ("synthetic", false)] {
        let mut flagged = vec![false; cases.len()];
        let mut cats: Vec<Vec<&str>> = vec![Vec::new(); cases.len()];
        for (o, &p) in obs.iter().zip(&oof) {
            let row = fit.row_of(o);
            // As the audit does: a class without a row of its own borrows
            // its code's but never reaches `error`.
            let cap = if row == o.code && o.key != o.code {
                cap_of(&row).min(Severity::Warning)
            } else {
                cap_of(&row)
            };
            if severity_of(p, cap) == Severity::Error {
                flagged[o.case] = true;
                if !cats[o.case].contains(&o.category) {
                    cats[o.case].push(o.category);
                }
            }
        }
        let (mut tp, mut fp, mut fneg, mut majors, mut major_hit, mut cat_ok, mut cat_n) =
            (0, 0, 0, 0, 0, 0, 0);
        for (i, c) in cases.iter().enumerate() {
            if c.written != want_written {
                continue;
            }
            match (flagged[i], c.defect) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fneg += 1,
                _ => {}
            }
            if c.defect && c.major {
                majors += 1;
                major_hit += flagged[i] as usize;
            }
            for cat in &cats[i] {
                cat_n += 1;
                cat_ok += c.cats.iter().any(|l| matches(cat, l)) as usize;
            }
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "\nheld-out pairs, {name}: flagged {} precision {:.3} recall {:.3} major_recall {:.3} cat_precision {:.3}",
            tp + fp,
            ratio(tp, tp + fp),
            ratio(tp, tp + fneg),
            ratio(major_hit, majors),
            ratio(cat_ok, cat_n)
        );
    }

    let mut out = String::new();
    out.push_str(
        "# Confidence model of the audit's findings: confidence = σ(intercept + slope × weight).\n",
    );
    out.push_str(
        "# Written by `cargo run --release --example calibrate` from calibration/pairs.tsv\n",
    );
    out.push_str(
        "# and its synthetic cases; do not edit by hand. `max` caps the severity of a class\n",
    );
    out.push_str(
        "# whose held-out error findings on real-style pairs were not right 9 times in 10.\n",
    );
    let _ = writeln!(out, "# penalty {lambda} (k-fold log-loss {:.4})", best.0);
    out.push_str("key\tintercept\tslope\tmax\tfindings\treal\n");
    for (key, row) in &fit.rows {
        let max = if key == "*" {
            Severity::Warning
        } else {
            cap_of(key)
        };
        let _ = writeln!(
            out,
            "{key}\t{:.4}\t{:.4}\t{}\t{}\t{}",
            row.a,
            row.b,
            max.as_str(),
            row.n,
            row.pos
        );
    }
    if check {
        print!("\n{out}");
    } else {
        let path = root.join("weights.tsv");
        if let Err(e) = bitext::atomic::write(&path, out.as_bytes()) {
            eprintln!("calibrate: cannot write {}: {e}", path.display());
            std::process::exit(2);
        }
        println!("\nwrote {}", path.display());
    }
}

/// `key` and its dotted prefixes down to `code`, finest first:
/// `BT401/number.changed.money`, `BT401/number.changed`, `BT401/number`, `BT401`.
fn prefixes(key: &str, code: &str) -> Vec<String> {
    let mut out = vec![key.to_string()];
    let mut k = key;
    while k != code {
        k = match k.rfind('.') {
            Some(i) if i > code.len() => &k[..i],
            _ => code,
        };
        out.push(k.to_string());
    }
    out
}

/// Category of a finding against a labelled category, as the audit's
/// categories are read: an omission may show as a dropped name and the
/// other way round; a wrong pair as a mistranslation.
fn matches(found: &str, label: &str) -> bool {
    match found {
        "omission" | "entity_drop" => matches!(label, "omission" | "entity_drop"),
        "wrong_pair" => matches!(label, "wrong_pair" | "mistranslation" | "garbled"),
        _ => found == label,
    }
}

fn read_written(text: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if n == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 6 {
            eprintln!("calibrate: pairs.tsv line {}: expected 6+ columns", n + 1);
            continue;
        }
        let id = f[0];
        let group = id.split('.').next().unwrap_or(id).to_string();
        out.push(Case {
            group,
            ko: f[1].to_string(),
            en: f[2].to_string(),
            defect: f[3] == "defect",
            cats: f[4]
                .split(',')
                .filter(|c| !c.is_empty() && *c != "-")
                .map(String::from)
                .collect(),
            major: f[5] == "major",
            written: true,
        });
    }
    out
}

/// SplitMix64: a small deterministic generator, seeded per pair.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seed(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

fn fold_of(group: &str) -> u64 {
    seed(group) % FOLDS
}

const KINDS: [&str; 6] = [
    "omission",
    "number",
    "entity_drop",
    "wrong_pair",
    "repetition",
    "untranslated",
];

/// One synthetic defect per clean written pair (kinds in turn, the next one
/// when a kind does not apply), each in the fold of the pair it came from.
fn synthesise(written: &[Case]) -> Vec<Case> {
    let clean: Vec<&Case> = written.iter().filter(|c| !c.defect).collect();
    let mut out = Vec::new();
    for (i, c) in clean.iter().enumerate() {
        let mut rng = Rng(seed(&c.group) ^ i as u64);
        for k in 0..KINDS.len() {
            let kind = KINDS[(i + k) % KINDS.len()];
            let en = match kind {
                "omission" => cut(&c.en, &mut rng),
                "number" => change_number(&c.en, &mut rng),
                "entity_drop" => drop_name(&c.en),
                "wrong_pair" => {
                    // Another pair of the same fold, so no fold sees its text twice.
                    let same: Vec<&&Case> = clean
                        .iter()
                        .filter(|o| o.group != c.group && fold_of(&o.group) == fold_of(&c.group))
                        .collect();
                    (!same.is_empty()).then(|| same[rng.below(same.len())].en.clone())
                }
                "repetition" => repeat(&c.en, &mut rng),
                _ => untranslated(c, &mut rng),
            };
            if let Some(en) = en.filter(|e| *e != c.en) {
                out.push(Case {
                    group: c.group.clone(),
                    ko: c.ko.clone(),
                    en,
                    defect: true,
                    cats: vec![kind.to_string()],
                    major: true,
                    written: false,
                });
                break;
            }
        }
    }
    out
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').filter(|w| !w.is_empty()).collect()
}

/// Drop the last comma clause, or the last third of the words.
fn cut(en: &str, rng: &mut Rng) -> Option<String> {
    let body = en.trim_end_matches(['.', '"', '”']);
    if let Some(i) = body.rfind(", ") {
        if words(&body[i..]).len() >= 3 && rng.below(2) == 0 {
            return Some(format!("{}.", &body[..i]));
        }
    }
    let w = words(body);
    if w.len() < 6 {
        return None;
    }
    let keep = w.len() - w.len() / 3;
    Some(format!("{}.", w[..keep].join(" ").trim_end_matches(',')))
}

/// Change one digit of the first figure.
fn change_number(en: &str, rng: &mut Rng) -> Option<String> {
    let i = en.find(|c: char| c.is_ascii_digit())?;
    let d = en.as_bytes()[i] - b'0';
    let mut n = (d + 1 + rng.below(8) as u8) % 10;
    if n == 0 && (i == 0 || !en.as_bytes()[i - 1].is_ascii_digit()) {
        n = if d == 1 { 2 } else { 1 };
    }
    let mut s = en.to_string();
    s.replace_range(i..i + 1, &((b'0' + n) as char).to_string());
    Some(s)
}

/// Remove the first run of capitalised words that is not sentence-initial.
fn drop_name(en: &str) -> Option<String> {
    let w = words(en);
    let cap = |x: &str| {
        x.chars().next().is_some_and(|c| c.is_uppercase())
            && !matches!(x, "I" | "The" | "A" | "An" | "He" | "She" | "It" | "They")
    };
    let start = (1..w.len()).find(|&i| cap(w[i]))?;
    let mut end = start + 1;
    while end < w.len() && cap(w[end]) {
        end += 1;
    }
    let tail = w[end - 1]
        .trim_start_matches(|c: char| c.is_alphanumeric() || c == '-' || c == '\'')
        .trim_start_matches("s");
    let mut out: Vec<&str> = w[..start].to_vec();
    let rest: Vec<&str> = w[end..].to_vec();
    let mut s = out.join(" ");
    s.push_str(tail);
    if !rest.is_empty() {
        s.push(' ');
        s.push_str(&rest.join(" "));
    }
    out.clear();
    Some(s)
}

/// Say the whole sentence twice, or loop a phrase.
fn repeat(en: &str, rng: &mut Rng) -> Option<String> {
    let w = words(en);
    if rng.below(2) == 0 || w.len() < 6 {
        return Some(format!("{en} {en}"));
    }
    let at = 1 + rng.below(w.len() - 4);
    let len = 2 + rng.below(3);
    let phrase = w[at..(at + len).min(w.len())].join(" ");
    let mut out = w[..at + len.min(w.len() - at)].join(" ");
    out.push(' ');
    out.push_str(&phrase);
    out.push(' ');
    out.push_str(&w[(at + len).min(w.len())..].join(" "));
    Some(out.trim_end().to_string())
}

/// The Korean instead of the English, or its second half left in Korean.
fn untranslated(c: &Case, rng: &mut Rng) -> Option<String> {
    if rng.below(2) == 0 {
        return Some(c.ko.clone());
    }
    let en = words(&c.en);
    let ko = words(&c.ko);
    if en.len() < 4 || ko.len() < 2 {
        return Some(c.ko.clone());
    }
    Some(format!(
        "{} {}",
        en[..en.len() / 2].join(" "),
        ko[ko.len() / 2..].join(" ")
    ))
}

/// The findings of every case.
fn observe(cases: &[Case]) -> Vec<Obs> {
    let mut out = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let pair = Pair::new(&c.ko, &c.en);
        for s in signals(&pair) {
            if !shown(&s) || !s.code.as_str().starts_with("BT4") {
                continue;
            }
            let category = s.code.category();
            // A synthetic case holds one defect by construction; a finding
            // of another category there is a side effect of that defect
            // (a swapped sentence has other figures), not evidence about
            // its own class.
            // So does a pair labelled as the English of another sentence.
            let side_effects = (!c.written && c.defect) || c.cats.iter().any(|l| l == "wrong_pair");
            if side_effects && !c.cats.iter().any(|l| matches(category, l)) {
                continue;
            }
            // As the audit looks it up: the finer evidence class a check
            // tags, else its own class.
            let tagged = s.evidence.map(|e| e.key());
            let class = tagged.as_deref().unwrap_or(s.class);
            let key = if class.is_empty() {
                s.code.as_str().to_string()
            } else {
                format!("{}/{class}", s.code.as_str())
            };
            out.push(Obs {
                case: i,
                code: s.code.as_str(),
                key,
                category,
                weight: s.weight,
                real: c.defect && c.cats.iter().any(|l| matches(category, l)),
            });
        }
    }
    out
}

fn split(obs: &[Obs], cases: &[Case], fold: u64) -> (Vec<Obs>, Vec<Obs>) {
    obs.iter()
        .cloned()
        .partition(|o| fold_of(&cases[o.case].group) != fold)
}

#[derive(Clone, Copy, Debug, Default)]
struct Row {
    a: f64,
    b: f64,
    n: usize,
    pos: usize,
}

/// The hierarchy of fits: all findings, each code, each class.
struct Fit {
    rows: BTreeMap<String, Row>,
}

impl Fit {
    fn new(obs: &[Obs], lambda: f64) -> Fit {
        let mut rows = BTreeMap::new();
        let all: Vec<&Obs> = obs.iter().collect();
        let root = logistic(&all, (0.0, 0.0), lambda * 0.01);
        rows.insert("*".to_string(), root);
        let mut codes: BTreeMap<&str, Vec<&Obs>> = BTreeMap::new();
        let mut classes: BTreeMap<&str, Vec<&Obs>> = BTreeMap::new();
        for o in obs {
            codes.entry(o.code).or_default().push(o);
            // `BT401/number.changed.money` also counts for
            // `BT401/number.changed` and `BT401/number`.
            let mut k = o.key.as_str();
            while k != o.code {
                classes.entry(k).or_default().push(o);
                k = match k.rfind('.') {
                    Some(i) if i > o.code.len() => &k[..i],
                    _ => o.code,
                };
            }
        }
        // Every audit code gets a row, from the root when it has no data.
        for code in bitext::diagnostic::Code::ALL {
            let c = code.as_str();
            if c.starts_with("BT4") {
                let v = codes.get(c).cloned().unwrap_or_default();
                rows.insert(c.to_string(), logistic(&v, (root.a, root.b), lambda));
            }
        }
        for (k, v) in classes {
            if v.len() >= MIN_CLASS {
                // Shrunk towards all findings, not towards its code: the
                // classes of one code differ most (a changed figure and a
                // figure with no counterpart are not equally telling).
                rows.insert(k.to_string(), logistic(&v, (root.a, root.b), lambda));
            }
        }
        Fit { rows }
    }

    /// The row the audit uses for `o`: its class, else the longest
    /// dotted prefix of it that has a row, else its code.
    fn row_of(&self, o: &Obs) -> String {
        let mut k = o.key.as_str();
        while k != o.code {
            if self.rows.contains_key(k) {
                return k.to_string();
            }
            k = match k.rfind('.') {
                Some(i) if i > o.code.len() => &k[..i],
                _ => o.code,
            };
        }
        o.code.to_string()
    }

    fn prob(&self, o: &Obs) -> f64 {
        let r = self.rows[&self.row_of(o)];
        1.0 / (1.0 + (-(r.a + r.b * o.weight)).exp())
    }
}

/// Penalised logistic regression of `real` on `weight`, shrunk towards
/// `prior` with strength `lambda` per parameter; slope kept ≥ 0 (more
/// evidence never means less confidence). Newton's method.
fn logistic(obs: &[&Obs], prior: (f64, f64), lambda: f64) -> Row {
    let (mut a, mut b) = prior;
    b = b.max(0.0);
    for _ in 0..100 {
        let (mut ga, mut gb) = (lambda * (a - prior.0), lambda * (b - prior.1));
        let (mut haa, mut hab, mut hbb) = (lambda, 0.0, lambda);
        for o in obs {
            let p = 1.0 / (1.0 + (-(a + b * o.weight)).exp());
            let y = o.real as u8 as f64;
            ga += p - y;
            gb += (p - y) * o.weight;
            let w = p * (1.0 - p);
            haa += w;
            hab += w * o.weight;
            hbb += w * o.weight * o.weight;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b = (b - db).max(0.0);
        if da.abs() + db.abs() < 1e-9 {
            break;
        }
    }
    Row {
        a,
        b,
        n: obs.len(),
        pos: obs.iter().filter(|o| o.real).count(),
    }
}
