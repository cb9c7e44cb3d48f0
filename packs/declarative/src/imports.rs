//! What a call's function stands for once the file's imports are resolved, for `ast`
//! rules with `calls:`: `import subprocess as sp` makes `sp.Popen` stand for
//! `subprocess.Popen`, `from subprocess import Popen` makes `Popen` do so, and a Java
//! `import java.util.Random;` makes `Random` stand for `java.util.Random`. The imports
//! are read with a host syntax query, once per file.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use sentra_sdk::File;
use sentra_sdk::syntax::{SyntaxQuery, compile_query};

const PYTHON: &str = r#"
(import_statement name: (dotted_name) @module)
(import_statement name: (aliased_import name: (dotted_name) @module alias: (identifier) @alias))
(import_from_statement module_name: (dotted_name) @from name: (dotted_name) @name)
(import_from_statement module_name: (dotted_name) @from name: (aliased_import name: (dotted_name) @name alias: (identifier) @alias))
(import_from_statement module_name: (dotted_name) @from (wildcard_import))
"#;
const JAVA: &str = r#"
(import_declaration (scoped_identifier) @path)
(import_declaration (scoped_identifier) @package (asterisk))
"#;

/// A file's imports: local name to qualified name, and wildcard-imported modules.
#[derive(Default)]
struct Imports {
    names: HashMap<String, String>,
    wildcards: Vec<String>,
}

struct Last {
    path: String,
    contents: Vec<u8>,
    imports: Rc<Imports>,
}

thread_local! {
    static QUERIES: RefCell<HashMap<&'static str, Option<Rc<SyntaxQuery>>>> = RefCell::new(HashMap::new());
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
}

fn query(language: &'static str) -> Option<Rc<SyntaxQuery>> {
    let source = match language {
        "python" => PYTHON,
        "java" => JAVA,
        _ => return None,
    };
    QUERIES.with(|q| q.borrow_mut().entry(language).or_insert_with(|| compile_query(language, source).ok().map(Rc::new)).clone())
}

fn read(file: &File<'_>, language: &'static str) -> Imports {
    let mut imports = Imports::default();
    let Some(q) = query(language) else { return imports };
    let Ok(found) = q.matches(file.id, true) else { return imports };
    let names = q.capture_names();
    for m in &found.matches {
        let text = |name: &str| {
            let i = names.iter().position(|n| n == name)? as u32;
            m.captures.iter().find(|c| c.index == i).and_then(|c| c.node.text.as_deref()).map(|t| t.split_whitespace().collect::<String>())
        };
        match (text("module"), text("alias"), text("from"), text("name"), text("path"), text("package")) {
            (Some(module), Some(alias), ..) => {
                imports.names.insert(alias, module);
            }
            (Some(module), None, ..) => {
                // `import os.path` binds `os`.
                let head = module.split('.').next().unwrap_or(&module).to_string();
                imports.names.insert(head.clone(), head);
            }
            (None, alias, Some(from), Some(name), ..) => {
                imports.names.insert(alias.unwrap_or_else(|| name.clone()), format!("{from}.{name}"));
            }
            (None, None, Some(from), None, ..) | (.., Some(from)) => imports.wildcards.push(from),
            (.., Some(path), None) => {
                let last = path.rsplit('.').next().unwrap_or(&path).to_string();
                imports.names.insert(last, path);
            }
            _ => {}
        }
    }
    imports
}

fn imports_of(file: &File<'_>, language: &'static str) -> Rc<Imports> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(l) = last.as_ref()
            && l.path == file.path
            && l.contents == file.contents
        {
            return l.imports.clone();
        }
        let imports = Rc::new(read(file, language));
        *last = Some(Last { path: file.path.to_string(), contents: file.contents.to_vec(), imports: imports.clone() });
        imports
    })
}

/// Resolves the calls of one file, reading its imports on first use (a rule's matches
/// share one resolver, so a file's contents are compared at most once per rule).
pub struct Resolver<'a, 'f> {
    file: &'a File<'f>,
    language: &'static str,
    imports: std::cell::OnceCell<Rc<Imports>>,
}

impl<'a, 'f> Resolver<'a, 'f> {
    pub fn new(file: &'a File<'f>, language: &str) -> Self {
        let language = match language {
            "python" => "python",
            "java" => "java",
            _ => "",
        };
        Self { file, language, imports: std::cell::OnceCell::new() }
    }

    /// Whether `callee` (the call's function as written) stands for one of `calls`.
    pub fn resolves_to(&self, callee: &str, calls: &[String]) -> bool {
        let callee: String = callee.split_whitespace().collect();
        if self.language.is_empty() {
            return calls.contains(&callee);
        }
        let imports = self.imports.get_or_init(|| imports_of(self.file, self.language));
        let (head, rest) = callee.split_once('.').map_or((callee.as_str(), None), |(h, r)| (h, Some(r)));
        let mut candidates = vec![callee.clone()];
        if let Some(q) = imports.names.get(head) {
            candidates.push(match rest {
                Some(r) => format!("{q}.{r}"),
                None => q.clone(),
            });
        }
        candidates.extend(imports.wildcards.iter().map(|w| format!("{w}.{callee}")));
        candidates.iter().any(|c| calls.contains(c))
    }
}
