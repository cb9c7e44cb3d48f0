<?php
// Path traversal as data flow: request data reaching file functions.

const STORAGE = '/var/www/storage';

function report_path($name)
{
    return STORAGE . '/reports/' . $name;
}

// A download name from the query string.
$name = $_GET['file'];
// ruleid: PHP-FILE-INPUT
readfile(report_path($name));
// ok: PHP-FILE-INPUT
readfile(report_path(basename($name)));

// An upload moved under the client's file name; tmp_name is a path PHP chose.
$upload = $_FILES['avatar'];
$target = STORAGE . '/avatars/' . $upload['name'];
// ruleid: PHP-FILE-INPUT
move_uploaded_file($_FILES['avatar']['tmp_name'], $target);
// ok: PHP-FILE-INPUT
$bytes = file_get_contents($_FILES['avatar']['tmp_name']);
$safeTarget = STORAGE . '/avatars/' . bin2hex(random_bytes(16)) . '.png';
// ok: PHP-FILE-INPUT
move_uploaded_file($_FILES['avatar']['tmp_name'], $safeTarget);

// Notes saved and deleted by a form field.
$note = $_POST['note'];
// ruleid: PHP-FILE-INPUT
file_put_contents(STORAGE . "/notes/$note.txt", $_POST['body']);
// ok: PHP-FILE-INPUT
file_put_contents(STORAGE . '/notes/latest.txt', $_POST['body']);
// ruleid: PHP-FILE-INPUT
unlink(STORAGE . '/notes/' . $note . '.txt');
$note = 'draft';
// ok: PHP-FILE-INPUT
unlink(STORAGE . '/notes/' . $note . '.txt');

// A Laravel controller.
class ExportController extends Controller
{
    public function show(Request $request)
    {
        $path = $request->input('path');
        // ruleid: PHP-FILE-INPUT
        $fh = fopen(storage_path('exports/' . $path), 'r');
        // ok: PHP-FILE-INPUT
        $log = fopen(storage_path('exports/today.csv'), 'r');
        return [$fh, $log];
    }
}
