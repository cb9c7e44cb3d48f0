<?php
// LDAP injection as data flow: request data reaching LDAP filters and DNs.

$ds = ldap_connect('ldaps://ldap.example.com');
$base = 'ou=people,dc=example,dc=com';

function user_filter($uid)
{
    return "(&(objectClass=person)(uid=$uid))";
}

// A login form: the user name in the search filter and the bind DN.
$user = $_POST['user'];
// ruleid: PHP-LDAP-INJECTION
$sr = ldap_search($ds, $base, user_filter($user));
// ok: PHP-LDAP-INJECTION
$sr = ldap_search($ds, $base, user_filter(ldap_escape($user, '', LDAP_ESCAPE_FILTER)));
$dn = 'uid=' . $user . ',' . $base;
// ruleid: PHP-LDAP-INJECTION
$ok = ldap_bind($ds, $dn, $_POST['password']);
$safeDn = 'uid=' . ldap_escape($user, '', LDAP_ESCAPE_DN) . ',' . $base;
// ok: PHP-LDAP-INJECTION
$ok = ldap_bind($ds, $safeDn, $_POST['password']);

// A group from the query string, overwritten by a constant.
$group = $_GET['group'];
// ruleid: PHP-LDAP-INJECTION
$members = ldap_list($ds, 'ou=groups,dc=example,dc=com', "(cn=$group)");
$group = 'staff';
// ok: PHP-LDAP-INJECTION
$members = ldap_list($ds, 'ou=groups,dc=example,dc=com', "(cn=$group)");
