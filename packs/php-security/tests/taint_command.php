<?php
// Command injection as data flow: request data reaching the shell.

function ping_command($host)
{
    return 'ping -c 1 ' . $host;
}

// A query value through a helper function.
$host = $_GET['host'];
// ruleid: PHP-SHELL-EXEC
$output = shell_exec(ping_command($host));
// ok: PHP-SHELL-EXEC
$output = shell_exec(ping_command(escapeshellarg($host)));

// A form field interpolated into a command line, then into a backtick command.
$file = $_POST['file'];
$cmd = "convert $file -resize 50% thumb.png";
// ruleid: PHP-SHELL-EXEC
exec($cmd, $lines, $status);
// ruleid: PHP-SHELL-EXEC
$listing = `ls -la $file`;
$quoted = escapeshellarg($file);
// ok: PHP-SHELL-EXEC
$listing = `ls -la $quoted`;

// A header, overwritten by a constant before use.
$tool = $_SERVER['HTTP_X_TOOL'];
$tool = 'uptime';
// ok: PHP-SHELL-EXEC
passthru($tool);

// A number is clean; the raw value is not.
$pid = (int) $_REQUEST['pid'];
// ok: PHP-SHELL-EXEC
system("kill -TERM " . $pid);
// ruleid: PHP-SHELL-EXEC
system("kill -TERM " . $_REQUEST['pid']);

// A keyed array: only the fixed slot is used.
$commands = ['status' => 'uptime', 'extra' => $_GET['extra']];
// ok: PHP-SHELL-EXEC
$handle = popen($commands['status'], 'r');
// ruleid: PHP-SHELL-EXEC
$handle = popen($commands['extra'], 'r');
// A list literal: positions are told apart.
$list = ['uptime', $_GET['extra']];
// ok: PHP-SHELL-EXEC
$handle = popen($list[0], 'r');
// ruleid: PHP-SHELL-EXEC
$handle = popen($list[1], 'r');

// A Symfony controller.
class BackupController
{
    public function run(Request $request)
    {
        $dir = $request->request->get('dir');
        // ruleid: PHP-SHELL-EXEC
        $process = proc_open('tar -czf /backups/site.tgz ' . $dir, [], $pipes);
        // ok: PHP-SHELL-EXEC
        $process = proc_open(['tar', '-czf', '/backups/site.tgz', '/var/www'], [], $pipes);
        return $process;
    }
}
