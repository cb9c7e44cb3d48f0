//! What each grammar's node kinds mean to the analysis. The grammars share most names
//! (`if_statement`, `assignment_expression`, `return_statement`), so one table serves
//! every language; where a kind means different things, the fields tell them apart.

/// The role of a node kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cat {
    /// A function, method or lambda: analysed on its own, opaque to the enclosing one.
    Function,
    Identifier,
    /// `a.b`: object and member fields.
    Member,
    /// `a[i]`.
    Subscript,
    Call,
    /// `new T(args)`.
    New,
    Assign,
    AugAssign,
    /// `T x = e` / `let x = e`.
    Declarator,
    If,
    Ternary,
    /// `for`, `while`, `do`: the body runs any number of times.
    Loop,
    /// `for x in xs`: binds the loop variable first.
    ForEach,
    Switch,
    Return,
    /// A value that carries nothing (numbers, booleans, null, plain strings).
    Literal,
    /// `name=value` in a call: only the value counts.
    KeywordArg,
    /// `with open(p) as f`: binds the alias.
    AsPattern,
    /// A comprehension: its `for` clauses bind before its body reads.
    Comprehension,
    /// Imports, type annotations and declarations that carry no value.
    Skip,
    Other,
}

pub fn cat(kind: &str) -> Cat {
    match kind {
        "function_definition"
        | "method_declaration"
        | "constructor_declaration"
        | "function_declaration"
        | "method_definition"
        | "generator_function_declaration"
        | "local_function_statement"
        | "function_item"
        | "func_literal"
        | "function_expression"
        | "lambda"
        | "lambda_expression"
        | "arrow_function"
        | "anonymous_function"
        | "anonymous_function_creation_expression" => Cat::Function,
        "identifier" | "variable_name" | "shorthand_property_identifier" | "shorthand_property_identifier_pattern" => Cat::Identifier,
        "attribute" | "field_access" | "member_expression" | "selector_expression" | "member_access_expression" | "nullsafe_member_access_expression" => {
            Cat::Member
        }
        "subscript" | "array_access" | "subscript_expression" | "index_expression" | "element_access_expression" => Cat::Subscript,
        "call"
        | "method_invocation"
        | "call_expression"
        | "invocation_expression"
        | "function_call_expression"
        | "member_call_expression"
        | "nullsafe_member_call_expression"
        | "scoped_call_expression" => Cat::Call,
        "object_creation_expression" | "new_expression" => Cat::New,
        "assignment" | "assignment_expression" | "assignment_statement" | "short_var_declaration" => Cat::Assign,
        "augmented_assignment" | "augmented_assignment_expression" => Cat::AugAssign,
        "variable_declarator" | "var_spec" | "const_spec" => Cat::Declarator,
        "if_statement" => Cat::If,
        "conditional_expression" | "ternary_expression" => Cat::Ternary,
        "while_statement" | "do_statement" => Cat::Loop,
        "for_statement" | "enhanced_for_statement" | "for_in_statement" | "foreach_statement" => Cat::ForEach,
        "switch_statement" | "switch_expression" | "expression_switch_statement" | "match_statement" => Cat::Switch,
        "return_statement" => Cat::Return,
        "integer"
        | "float"
        | "true"
        | "false"
        | "none"
        | "null"
        | "null_literal"
        | "decimal_integer_literal"
        | "hex_integer_literal"
        | "decimal_floating_point_literal"
        | "character_literal"
        | "number"
        | "int_literal"
        | "float_literal"
        | "integer_literal"
        | "real_literal"
        | "boolean_literal"
        | "boolean"
        | "nil"
        | "undefined"
        | "rune_literal"
        | "comment"
        | "line_comment"
        | "block_comment" => Cat::Literal,
        "keyword_argument" => Cat::KeywordArg,
        "as_pattern" => Cat::AsPattern,
        "list_comprehension" | "set_comprehension" | "dictionary_comprehension" | "generator_expression" => Cat::Comprehension,
        "import_statement"
        | "import_from_statement"
        | "import_declaration"
        | "namespace_use_declaration"
        | "using_directive"
        | "package_clause"
        | "package_declaration"
        | "decorator"
        | "annotation"
        | "marker_annotation"
        | "type"
        | "type_identifier"
        | "generic_type"
        | "modifiers"
        | "predefined_type"
        | "throws"
        | "namespace_definition"
        | "use_declaration" => Cat::Skip,
        _ => Cat::Other,
    }
}

/// Fields whose child names something rather than computing a value.
pub fn is_name_field(field: &str) -> bool {
    matches!(field, "name" | "attribute" | "field" | "property" | "type" | "type_arguments" | "type_parameters" | "operator" | "return_type" | "label")
}

/// Kinds of case arms inside a switch.
pub fn is_case(kind: &str) -> bool {
    matches!(
        kind,
        "switch_block_statement_group"
            | "switch_rule"
            | "switch_case"
            | "switch_default"
            | "expression_case"
            | "default_case"
            | "type_case"
            | "switch_section"
            | "case_statement"
            | "default_statement"
            | "case_clause"
    )
}

/// Kinds of string literals (their text, unquoted, is a constant when they hold no
/// interpolation).
pub fn is_string(kind: &str) -> bool {
    matches!(
        kind,
        "string" | "string_literal" | "interpreted_string_literal" | "raw_string_literal" | "encapsed_string" | "template_string" | "verbatim_string_literal"
    )
}

/// Methods that write their arguments into their receiver (`sb.append(x)`, `list.add(x)`).
pub fn is_mutator(method: &str) -> bool {
    matches!(
        method,
        "append"
            | "WriteString"
            | "Write"
            | "WriteByte"
            | "WriteRune"
            | "add"
            | "addAll"
            | "put"
            | "putAll"
            | "push"
            | "extend"
            | "insert"
            | "update"
            | "setdefault"
            | "appendleft"
            | "unshift"
            | "Add"
            | "AddRange"
            | "Append"
            | "AppendLine"
            | "AppendFormat"
            | "Insert"
            | "write"
    )
}
