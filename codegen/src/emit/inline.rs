//! Running text made safe for rustdoc: brackets that would read as
//! intra-doc links, `<` that would open HTML (and so could hide Markdown
//! from the block rules of `rustdoc`), bare URLs made autolinks.

/// Escapes what rustdoc would misread in running text, leaving code spans alone.
pub(super) fn escape_inline(line: &str) -> String {
    // Only brackets, `<` and URLs are rewritten; most lines have none.
    if !line.contains(['[', ']', '<']) && !line.contains("http://") && !line.contains("https://") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    let mut in_code = false;
    let mut next = Next::default();
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            i += 1;
            continue;
        }
        if in_code {
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => {
                // A real link is `[text](url)`; anything else reads as an intra-doc link.
                match link_end(&chars, i, &mut next) {
                    Some(end) => {
                        out.extend(&chars[i..end]);
                        i = end;
                    }
                    None => {
                        out.push_str("\\[");
                        i += 1;
                    }
                }
            }
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            '<' => {
                let close = next.find(&chars, i, '>');
                match close.filter(|_| url_at(&chars[i + 1..])) {
                    Some(close) => {
                        out.extend(&chars[i..=close]);
                        i = close + 1;
                    }
                    None => {
                        out.push_str("&lt;");
                        i += 1;
                    }
                }
            }
            'h' if url_at(&chars[i..]) => {
                let url: String = chars[i..]
                    .iter()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>'))
                    .collect();
                let url = url.trim_end_matches(['.', ',', ')', ';', ':']);
                out.push('<');
                out.push_str(url);
                out.push('>');
                i += url.chars().count();
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Whether `chars` starts with `http://` or `https://`.
fn url_at(chars: &[char]) -> bool {
    let starts = |prefix: &str| {
        prefix.chars().count() <= chars.len() && prefix.chars().zip(chars).all(|(a, &b)| a == b)
    };
    starts("http://") || starts("https://")
}

/// End (exclusive) of a `[text](url)` link, or of an intra-doc link to code
/// (`` [`Type::method`] ``), starting at `start`.
fn link_end(chars: &[char], start: usize, next: &mut Next) -> Option<usize> {
    let close = next.find(chars, start, ']')?;
    let code = chars.get(start + 1) == Some(&'`') && close > start + 2 && chars[close - 1] == '`';
    if code && chars.get(close + 1) != Some(&'(') {
        return Some(close + 1);
    }
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = next.find(chars, close + 1, ')')?;
    Some(paren + 1)
}

/// Where the next `]`, `)` and `>` are. A line is read left to right, so
/// each search starts at or after the last one's start: an answer found
/// once stays right until passed, and every character is looked at once
/// per kind (a line of `[` or `<` alone took quadratic time).
#[derive(Default)]
struct Next {
    /// Per character: where the last search started, and what it found.
    found: [Option<(usize, Option<usize>)>; 3],
}

impl Next {
    fn find(&mut self, chars: &[char], from: usize, c: char) -> Option<usize> {
        let slot = match c {
            ']' => 0,
            ')' => 1,
            _ => 2,
        };
        if let Some((start, at)) = self.found[slot]
            && start <= from
            && at.is_none_or(|at| at >= from)
        {
            return at;
        }
        let at = chars
            .get(from..)?
            .iter()
            .position(|&x| x == c)
            .map(|n| from + n);
        self.found[slot] = Some((from, at));
        at
    }
}
