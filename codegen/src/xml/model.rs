//! An XML vocabulary as the emitter needs it: elements with their
//! attributes, content and children, and the value types attributes share,
//! each with its Rust name decided.

/// A whole vocabulary, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Vocabulary {
    /// Its name, for the module's docs.
    pub name: String,
    /// What it is, for the module's docs.
    pub doc: String,
    /// The element every document starts with (an index into `elements`).
    pub root: usize,
    /// Value types shared by attributes, in table order.
    pub value_types: Vec<ValueType>,
    /// Every element, in table order.
    pub elements: Vec<Element>,
}

/// A named type of attribute values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValueType {
    /// The Rust name (the table's key).
    pub name: String,
    pub doc: String,
    pub kind: ValueKind,
}

/// What values a value type allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ValueKind {
    /// A list of values: a Rust enum, with a catch-all for values the
    /// table does not list.
    Enum(Vec<EnumValue>),
    /// Text that must take one of these forms, checked when written.
    Forms(Vec<Form>),
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EnumValue {
    /// As written in the XML.
    pub wire: String,
    /// The variant's name.
    pub name: String,
    pub doc: String,
}

/// One form a text value may take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Form {
    /// Exactly this text.
    Value(String),
    /// This text followed by at least one more character.
    Prefix(String),
    /// Decimal digits only, naming an integer in this range.
    Integer { min: i64, max: i64 },
}

/// One element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    /// The tag, as written in the XML.
    pub wire: String,
    /// The Rust struct's name.
    pub rust: String,
    pub doc: String,
    pub content: Content,
    /// What the text is, for text and mixed content.
    pub text_doc: String,
    /// The elements it may contain (indexes into `Vocabulary::elements`).
    pub children: Vec<usize>,
    pub attributes: Vec<Attribute>,
    /// Checks that involve two attributes.
    pub rules: Vec<Rule>,
}

impl Element {
    /// Whether it holds a list of children (elements, or text and elements).
    pub(crate) fn has_children(&self) -> bool {
        matches!(self.content, Content::Children | Content::Mixed)
    }
}

/// What an element may hold between its tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// Nothing: written as `<tag/>`.
    Empty,
    /// Text only, given when the element is made.
    Text,
    /// Elements only.
    Children,
    /// Text and elements, in any order.
    Mixed,
}

/// One attribute of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribute {
    /// As written in the XML.
    pub wire: String,
    /// The Rust field and setter name.
    pub rust: String,
    pub doc: String,
    pub ty: AttrType,
    /// Given when the element is made, never absent.
    pub required: bool,
    /// The value the XML's reader assumes when the attribute is absent, as written.
    pub default: Option<String>,
    /// Least integer allowed.
    pub min: Option<i64>,
    /// Greatest integer allowed.
    pub max: Option<i64>,
    /// Most characters allowed in a text value.
    pub max_chars: Option<usize>,
    /// Most UTF-8 bytes allowed in a text value.
    pub max_bytes: Option<usize>,
}

impl Attribute {
    /// Whether an integer is kept unsigned: its least value is not negative.
    pub(crate) fn is_unsigned(&self) -> bool {
        self.min.is_some_and(|min| min >= 0)
    }
}

/// The type of an attribute's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AttrType {
    /// `true` or `false`.
    Bool,
    /// A whole number; unsigned when the least allowed is not negative.
    Integer,
    /// Any text.
    String,
    /// A value type (an index into `Vocabulary::value_types`).
    Named(usize),
    /// Values of an enum value type, joined by `separator`.
    List { item: usize, separator: String },
}

/// When attribute `when` is written as `equals`, attribute `then`, if
/// given, must be written as one of `one_of`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rule {
    /// Indexes into the element's attributes.
    pub when: usize,
    pub equals: String,
    pub then: usize,
    pub one_of: Vec<String>,
}
