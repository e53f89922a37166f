//! The two macros that turn a table of Plivo's parameters into a typed
//! payload or enum: one line per parameter, so the structs read as the
//! docs' tables do.

/// A payload struct: `"PlivoName" => field: Type` per parameter, each an
/// `Option`; anything else goes to `extra`.
macro_rules! payload {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $param:literal => $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Option<$ty>, )*
            /// Parameters this version does not type, by name (the last
            /// value of a repeated one).
            pub extra: std::collections::BTreeMap<String, String>,
        }

        impl $name {
            /// Reads a form body (`application/x-www-form-urlencoded`).
            ///
            /// # Errors
            ///
            /// When a number does not parse.
            pub fn from_form(body: &[u8]) -> Result<Self, $crate::callbacks::PayloadError> {
                Self::from_pairs($crate::signature::parse_form(body))
            }

            /// Reads a query string (with or without its leading `?`), as
            /// for a URL Plivo calls with GET.
            ///
            /// # Errors
            ///
            /// When a number does not parse.
            pub fn from_query(query: &str) -> Result<Self, $crate::callbacks::PayloadError> {
                Self::from_form(query.strip_prefix('?').unwrap_or(query).as_bytes())
            }

            /// Reads parameters already decoded; a repeated one keeps its
            /// last value.
            ///
            /// # Errors
            ///
            /// When a number does not parse.
            pub fn from_pairs(
                pairs: impl IntoIterator<Item = (String, String)>,
            ) -> Result<Self, $crate::callbacks::PayloadError> {
                let mut out = Self::default();
                for (key, value) in pairs {
                    match key.as_str() {
                        $( $param => {
                            out.$field = Some(
                                <$ty as $crate::callbacks::FieldValue>::read($param, value)?,
                            );
                        } )*
                        _ => {
                            out.extra.insert(key, value);
                        }
                    }
                }
                Ok(out)
            }
        }
    };
}

/// A string enum with a sealed catch-all: `Variant = "text"` per value.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not list, kept as received.
            Unknown($crate::callbacks::UnknownValue),
        }

        impl $name {
            /// The value as Plivo writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )*
                    $name::Unknown(other) => other.as_str(),
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $( $text => $name::$variant, )*
                    other => $name::Unknown($crate::callbacks::UnknownValue(other.to_owned())),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Ok($name::from(text))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::callbacks::FieldValue for $name {
            fn read(
                _: &'static str,
                value: String,
            ) -> Result<Self, $crate::callbacks::PayloadError> {
                Ok($name::from(value.as_str()))
            }
        }
    };
}
