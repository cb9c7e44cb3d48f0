//! The languages the host can parse, by the names packs use for them (sentrik's names and
//! their aliases), and the grammar behind each.

use tree_sitter::Language;

/// A grammar the host ships.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Python,
    JavaScript,
    TypeScript,
    /// TypeScript with JSX (`.tsx`): its own grammar, chosen for `.tsx` files when a query
    /// names `typescript`.
    Tsx,
    Java,
    Go,
    C,
    Cpp,
    CSharp,
    Php,
    Ruby,
    Rust,
    Kotlin,
}

impl Lang {
    pub const ALL: [Lang; 13] = [
        Lang::Python,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::Java,
        Lang::Go,
        Lang::C,
        Lang::Cpp,
        Lang::CSharp,
        Lang::Php,
        Lang::Ruby,
        Lang::Rust,
        Lang::Kotlin,
    ];

    /// The language a pack names: sentrik's names (`python`, `cpp`/`c++`, `c`,
    /// `javascript`/`js`, `typescript`/`ts`, `go`/`golang`, `rust`, `java`, `kotlin`,
    /// `ruby`/`rb`, `c_sharp`/`csharp`/`cs`) plus `tsx`, `php` and a few common aliases.
    /// Case-insensitive.
    pub fn from_name(name: &str) -> Option<Lang> {
        let lang = match name.trim().to_ascii_lowercase().as_str() {
            "python" | "py" => Lang::Python,
            "javascript" | "js" | "jsx" => Lang::JavaScript,
            "typescript" | "ts" => Lang::TypeScript,
            "tsx" => Lang::Tsx,
            "java" => Lang::Java,
            "go" | "golang" => Lang::Go,
            "c" => Lang::C,
            "cpp" | "c++" | "cxx" => Lang::Cpp,
            "c_sharp" | "csharp" | "cs" | "c#" => Lang::CSharp,
            "php" => Lang::Php,
            "ruby" | "rb" => Lang::Ruby,
            "rust" | "rs" => Lang::Rust,
            "kotlin" | "kt" => Lang::Kotlin,
            _ => return None,
        };
        Some(lang)
    }

    /// The canonical name (what `from_name` maps every alias to).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Python => "python",
            Lang::JavaScript => "javascript",
            Lang::TypeScript => "typescript",
            Lang::Tsx => "tsx",
            Lang::Java => "java",
            Lang::Go => "go",
            Lang::C => "c",
            Lang::Cpp => "cpp",
            Lang::CSharp => "c_sharp",
            Lang::Php => "php",
            Lang::Ruby => "ruby",
            Lang::Rust => "rust",
            Lang::Kotlin => "kotlin",
        }
    }

    /// Every accepted name, for error messages.
    pub fn names() -> String {
        "python, javascript (js), typescript (ts), tsx, java, go (golang), c, cpp (c++), c_sharp (csharp, cs), php, ruby (rb), rust, kotlin".into()
    }

    /// The grammar a file is parsed with when a query for `self` runs on it: a
    /// `typescript` query on a `.tsx` file runs on the TSX grammar.
    pub fn for_path(self, path: &str) -> Lang {
        if self == Lang::TypeScript && path.to_ascii_lowercase().ends_with(".tsx") { Lang::Tsx } else { self }
    }

    /// File extensions (lowercase, without the dot) of the language's source files.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Lang::Python => &["py", "pyi"],
            Lang::JavaScript => &["js", "mjs", "cjs", "jsx"],
            Lang::TypeScript => &["ts", "mts", "cts", "tsx"],
            Lang::Tsx => &["tsx"],
            Lang::Java => &["java"],
            Lang::Go => &["go"],
            Lang::C => &["c", "h"],
            Lang::Cpp => &["cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h", "ipp", "inl"],
            Lang::CSharp => &["cs"],
            Lang::Php => &["php", "phtml"],
            Lang::Ruby => &["rb"],
            Lang::Rust => &["rs"],
            Lang::Kotlin => &["kt", "kts"],
        }
    }

    pub fn grammar(self) -> Language {
        match self {
            Lang::Python => tree_sitter_python::LANGUAGE.into(),
            Lang::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Lang::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Lang::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Lang::Java => tree_sitter_java::LANGUAGE.into(),
            Lang::Go => tree_sitter_go::LANGUAGE.into(),
            Lang::C => tree_sitter_c::LANGUAGE.into(),
            Lang::Cpp => tree_sitter_cpp::LANGUAGE.into(),
            Lang::CSharp => tree_sitter_c_sharp::LANGUAGE.into(),
            Lang::Php => tree_sitter_php::LANGUAGE_PHP.into(),
            Lang::Ruby => tree_sitter_ruby::LANGUAGE.into(),
            Lang::Rust => tree_sitter_rust::LANGUAGE.into(),
            Lang::Kotlin => tree_sitter_kotlin_ng::LANGUAGE.into(),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
