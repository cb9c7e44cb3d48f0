<?php
// Code injection as data flow: request data reaching eval and dynamic calls.

// A formula from the query string evaluated as PHP.
$formula = $_GET['formula'];
$code = 'return ' . $formula . ';';
// ruleid: PHP-EVAL
// ruleid: PHP-CODE-INJECTION
$value = eval($code);
$fixed = 'return 6 * 7;';
// ruleid: PHP-EVAL
// ok: PHP-CODE-INJECTION
$value = eval($fixed);

// A callback name chosen by the client, versus a map of allowed callbacks.
$action = $_POST['action'];
// ruleid: PHP-CODE-INJECTION
$result = call_user_func($action, $_POST['arg']);
$handlers = ['export' => 'export_csv', 'print' => 'print_page'];
$handlers['custom'] = $action;
// ok: PHP-CODE-INJECTION
$result = call_user_func($handlers['export'], $_POST['arg']);

// assert() with a string (PHP < 8), built through a helper.
function check_expr($field)
{
    return "is_string($field)";
}
// ok: PHP-ASSERT-STRING
// ruleid: PHP-CODE-INJECTION
assert(check_expr($_REQUEST['field']));
// ok: PHP-ASSERT-STRING
// ok: PHP-CODE-INJECTION
assert(check_expr('$title'));

// preg_replace with the /e modifier: the replacement is evaluated.
$template = $_COOKIE['template'];
// ruleid: PHP-PREG-E
// ruleid: PHP-CODE-INJECTION
$out = preg_replace('/\{(\w+)\}/e', $template, $text);
// ok: PHP-PREG-E
// ok: PHP-CODE-INJECTION
$out = preg_replace('/\{(\w+)\}/', $template, $text);

// create_function with a body from the request; a number is clean.
$n = intval($_GET['n']);
// ruleid: PHP-CREATE-FUNCTION
// ok: PHP-CODE-INJECTION
$f = create_function('$x', 'return $x * ' . $n . ';');
// ruleid: PHP-CREATE-FUNCTION
// ruleid: PHP-CODE-INJECTION
$g = create_function('$x', 'return $x * ' . $_GET['n'] . ';');
