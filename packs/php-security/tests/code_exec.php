<?php
// Code execution: eval, assert, preg_replace /e, create_function.

// ruleid: PHP-EVAL
eval($code);
// ruleid: PHP-EVAL
$result = eval("return $expression;");
// ruleid: PHP-EVAL
\eval('return ' . $expr . ';');
// ok: PHP-EVAL
eval('return 1 + 1;');
// ok: PHP-EVAL
eval("return PHP_VERSION;");
// ok: PHP-EVAL
$engine->eval($template);
// ok: PHP-EVAL
$msg = "never call eval($code) here";
// ok: PHP-EVAL
// eval($_POST['code']);
class Calculator {
    // ok: PHP-EVAL
    public function eval($expression) { return $this->parser->evaluate($expression); }
}

// ruleid: PHP-ASSERT-STRING
assert($condition);
// ruleid: PHP-ASSERT-STRING
assert($this->rules['check']);
// ruleid: PHP-ASSERT-STRING
assert("$left == $right");
// ruleid: PHP-ASSERT-STRING
assert('is_int(' . $value . ')');
// ok: PHP-ASSERT-STRING
assert($value instanceof Order);
// ok: PHP-ASSERT-STRING
assert(is_string($name));
// ok: PHP-ASSERT-STRING
$this->assert($payload);
// ok: PHP-ASSERT-STRING
$this->assertTrue($valid);
// ok: PHP-ASSERT-STRING
// assert($_GET["check"]);
// ok: PHP-ASSERT-STRING
$doc = 'call assert($input) only in tests';
class Checks {
    // ok: PHP-ASSERT-STRING
    public function assert($condition, $message = '') { return (bool) $condition; }
}

// ruleid: PHP-PREG-E
$out = preg_replace('/\{(\w+)\}/e', '$vars["$1"]', $template);
// ruleid: PHP-PREG-E
$out = preg_replace("#<b>(.*?)</b>#ie", "strtoupper('$1')", $html);
// ruleid: PHP-PREG-E
$out = \preg_replace('~(\d+)~se', 'intval("$1") * 2', $s);
// ok: PHP-PREG-E
$out = preg_replace('/\s+/', ' ', $text);
// ok: PHP-PREG-E
$out = preg_replace('/name/i', 'title', $text);
// ok: PHP-PREG-E
$out = preg_replace('/e/', 'E', $text);
// ok: PHP-PREG-E
$out = preg_replace_callback('/(\d+)/', fn($m) => $m[1] * 2, $s);
// ok: PHP-PREG-E
$out = $this->preg_replace("/(.*)/e", $x, $y);
// ok: PHP-PREG-E
// preg_replace("/(.*)/e", "strtoupper('\1')", $input);
// ok: PHP-PREG-E
$doc = 'preg_replace("/(.*)/e", $r, $s) was removed in PHP 7';

// ruleid: PHP-CREATE-FUNCTION
$cmp = create_function('$a,$b', 'return strcmp($a, $b);');
// ruleid: PHP-CREATE-FUNCTION
usort($rows, \create_function('$a,$b', $body));
// ok: PHP-CREATE-FUNCTION
$cmp = fn($a, $b) => strcmp($a, $b);
// ok: PHP-CREATE-FUNCTION
$fn = $factory->create_function('handler');
if (!function_exists('create_function')) {
    // ok: PHP-CREATE-FUNCTION
    // ruleid: PHP-EVAL
    function create_function($args, $code) { return eval("return function($args) { $code };"); }
}
// ok: PHP-CREATE-FUNCTION
// $f = create_function('$a', $body);
// ok: PHP-CREATE-FUNCTION
$help = "create_function('a', 'b') was removed in PHP 8";
