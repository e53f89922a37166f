//! The model's Rust types: the structs and enums the generated module
//! defines, and the type of a field, body or response. Part of
//! [`crate::model::api`], which re-exports them; they refer to nothing
//! else of the model.

/// A type the generated module defines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TypeDef {
    Struct(StructDef),
    Enum(EnumDef),
    /// One of several types (OpenAPI's `oneOf` and `anyOf`).
    Union(UnionDef),
}

impl TypeDef {
    /// The type's Rust name.
    pub(crate) fn name(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.name,
            TypeDef::Enum(e) => &e.name,
            TypeDef::Union(u) => &u.name,
        }
    }
}

/// A value of one of several types: a variant per type the spec lists, and
/// a catch-all keeping any other value as received, so a variant the spec
/// adds later is still read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnionDef {
    pub name: String,
    pub doc: String,
    pub variants: Vec<UnionVariant>,
    /// The property whose value names the variant, when the spec says one.
    pub tag: Option<String>,
    /// The catch-all variant's name.
    pub catch_all: String,
}

/// One variant of a [`UnionDef`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnionVariant {
    pub name: String,
    pub ty: TypeRef,
    /// The values of the union's tag that select it.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StructDef {
    pub name: String,
    pub doc: String,
    pub fields: Vec<FieldDef>,
    /// Name of the catch-all field that keeps undocumented keys (responses).
    pub extra: Option<String>,
    /// Name of the struct of required fields the constructor takes (request
    /// types with required fields): fields by name, so two of one type
    /// cannot be swapped silently.
    pub required: Option<String>,
    /// The earlier struct of the same shape this one is an alias of; its
    /// own fields stay here, so examples and `diff` read it as before.
    pub shares: Option<String>,
    /// Callers build it as well as read it (a schema's type, used either
    /// way): the constructor and setters besides the catch-all.
    pub built: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldDef {
    pub wire: String,
    pub name: String,
    pub ty: TypeRef,
    pub optional: bool,
    pub doc: String,
    /// A format the runtime checks, from the overlay.
    pub format: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EnumDef {
    pub name: String,
    pub doc: String,
    pub variants: Vec<Variant>,
    /// Accepts values it does not list, kept sealed in a catch-all variant
    /// with this name.
    pub catch_all: Option<String>,
    /// Callers send it (a request enum), as well as or instead of reading it.
    pub sent: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Variant {
    pub wire: String,
    pub name: String,
}

/// A Rust type in a field, body or response.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TypeRef {
    String,
    Integer,
    Float,
    Bool,
    /// Any JSON value.
    Json,
    /// A JSON object with arbitrary keys.
    JsonObject,
    /// A date-time string, kept verbatim and read leniently by the runtime.
    Timestamp,
    List(Box<TypeRef>),
    Named(String),
    /// A file: bytes or a stream, with a file name and content type.
    Upload,
    /// A string that holds a credential, which `Debug` never shows.
    Secret,
    /// An object whose keys are data, each value of this type.
    Map(Box<TypeRef>),
    /// On the heap: a type that holds itself.
    Boxed(Box<TypeRef>),
}
