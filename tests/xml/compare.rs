//! XML read into a tree and compared by meaning: what "the same document"
//! means for the vectors (README in tests/vectors/xml says it in words).

use std::collections::BTreeMap;

/// An element: its tag, attributes (by name, unescaped) and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub tag: String,
    pub attrs: BTreeMap<String, String>,
    pub content: Vec<Item>,
}

/// Text or an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Text(String),
    Element(Node),
}

/// Reads `xml` (one element, no declaration, comments or CDATA: what the
/// builders write). `Err` says why it is not XML; that is an answer too (a
/// builder that writes text no parser reads).
pub fn parse(xml: &str) -> Result<Node, String> {
    let mut p = Parser { s: xml, at: 0 };
    let node = p.element()?;
    if p.at != xml.len() {
        return Err(format!("text after the root element at byte {}", p.at));
    }
    Ok(node)
}

struct Parser<'a> {
    s: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.s[self.at..]
    }

    fn eat(&mut self, token: &str) -> Result<(), String> {
        if self.rest().starts_with(token) {
            self.at += token.len();
            Ok(())
        } else {
            Err(format!(
                "expected {token:?} at byte {}: {:?}",
                self.at,
                &self.rest()[..self.rest().len().min(20)]
            ))
        }
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start_matches([' ', '\t', '\n', '\r']);
        self.at = self.s.len() - trimmed.len();
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self
            .rest()
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')))
            .unwrap_or(self.rest().len());
        if len == 0 {
            return Err(format!("expected a name at byte {}", self.at));
        }
        let name = self.rest()[..len].to_owned();
        self.at += len;
        Ok(name)
    }

    fn element(&mut self) -> Result<Node, String> {
        self.eat("<")?;
        let tag = self.name()?;
        let mut attrs = BTreeMap::new();
        loop {
            self.skip_space();
            if self.rest().starts_with("/>") {
                self.at += 2;
                return Ok(Node {
                    tag,
                    attrs,
                    content: Vec::new(),
                });
            }
            if self.rest().starts_with('>') {
                self.at += 1;
                break;
            }
            let name = self.name()?;
            self.skip_space();
            self.eat("=")?;
            self.skip_space();
            let quote = if self.rest().starts_with('"') {
                "\""
            } else {
                "'"
            };
            self.eat(quote)?;
            let end = self
                .rest()
                .find(quote)
                .ok_or("an attribute value never ends")?;
            let raw = &self.rest()[..end];
            if raw.contains('<') {
                return Err(format!("`<` in the value of {name}"));
            }
            let value = unescape(raw)?;
            self.at += end + 1;
            if attrs.insert(name.clone(), value).is_some() {
                return Err(format!("attribute {name} given twice"));
            }
            if !self.rest().starts_with([' ', '\t', '\n', '\r', '/', '>']) {
                return Err(format!(
                    "no space after attribute {name} at byte {}",
                    self.at
                ));
            }
        }
        let mut content = Vec::new();
        loop {
            if self.rest().starts_with("</") {
                self.at += 2;
                let end = self.name()?;
                if end != tag {
                    return Err(format!("<{tag}> closed by </{end}>"));
                }
                self.skip_space();
                self.eat(">")?;
                return Ok(Node {
                    tag,
                    attrs,
                    content,
                });
            }
            if self.rest().starts_with('<') {
                content.push(Item::Element(self.element()?));
                continue;
            }
            let end = self
                .rest()
                .find('<')
                .ok_or(format!("<{tag}> never closes"))?;
            content.push(Item::Text(unescape(&self.rest()[..end])?));
            self.at += end;
        }
    }
}

fn unescape(raw: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').ok_or("an entity never ends")?;
        let entity = &rest[at + 1..at + end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or("bad entity")?,
            e if e.starts_with('#') => e[1..]
                .parse()
                .ok()
                .and_then(char::from_u32)
                .ok_or("bad entity")?,
            e => return Err(format!("unknown entity &{e};")),
        };
        out.push(c);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `node` as compared: attributes equal to the table's default for their
/// element dropped (absent means the default), text joined where adjacent,
/// whitespace runs made one space and trimmed, whitespace-only text gone.
pub fn normalize(node: &Node, defaults: &BTreeMap<(String, String), String>) -> Node {
    let attrs = node
        .attrs
        .iter()
        .filter(|(name, value)| defaults.get(&(node.tag.clone(), (*name).clone())) != Some(value))
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    let mut content: Vec<Item> = Vec::new();
    for item in &node.content {
        match item {
            Item::Text(text) => match content.last_mut() {
                Some(Item::Text(previous)) => previous.push_str(text),
                _ => content.push(Item::Text(text.clone())),
            },
            Item::Element(child) => content.push(Item::Element(normalize(child, defaults))),
        }
    }
    let content = content
        .into_iter()
        .filter_map(|item| match item {
            Item::Text(text) => {
                let words: Vec<&str> = text.split_whitespace().collect();
                (!words.is_empty()).then(|| Item::Text(words.join(" ")))
            }
            element => Some(element),
        })
        .collect();
    Node {
        tag: node.tag.clone(),
        attrs,
        content,
    }
}
