<?php
// Laravel: raw SQL with interpolation, empty $guarded.

namespace App\Http\Controllers;

use Illuminate\Support\Facades\DB;

class ReportController extends Controller
{
    public function index($status, $sort)
    {
        // ruleid: PHP-LARAVEL-RAW-SQL
        $rows = DB::statement("UPDATE orders SET status = '$status'");
        // ruleid: PHP-LARAVEL-RAW-SQL
        $rows = \Illuminate\Support\Facades\DB::select("SELECT * FROM orders WHERE id = {$this->id}");
        // ruleid: PHP-LARAVEL-RAW-SQL
        $q = Order::query()->whereRaw("status = '$status'")
            // ruleid: PHP-LARAVEL-RAW-SQL
            ->orderByRaw("$sort DESC");
        // ruleid: PHP-LARAVEL-RAW-SQL
        $q = Order::selectRaw("count(*) as n, $sort");
        // ok: PHP-LARAVEL-RAW-SQL
        $rows = DB::select('SELECT * FROM orders WHERE status = ?', [$status]);
        // ok: PHP-LARAVEL-RAW-SQL
        $q = Order::query()->whereRaw('price > ?', [$price]);
        // ok: PHP-LARAVEL-RAW-SQL
        $q = Order::query()->whereRaw("price > \$min");
        // ok: PHP-LARAVEL-RAW-SQL
        $rows = Cache::select("key $status");
        // ok: PHP-LARAVEL-RAW-SQL
        // DB::select("SELECT * FROM users WHERE email = '$email'");
        // ok: PHP-LARAVEL-RAW-SQL
        $doc = "Never write DB::select(\"... $status\")";
        return $rows;
    }
}

class Order extends Model
{
    // ruleid: PHP-LARAVEL-MASS-ASSIGNMENT
    protected $guarded = array();
    // ok: PHP-LARAVEL-MASS-ASSIGNMENT
    protected $fillable = [];
}

class Invoice extends Model
{
    // ok: PHP-LARAVEL-MASS-ASSIGNMENT
    protected $guarded = ['id', 'owner_id'];
    // ok: PHP-LARAVEL-MASS-ASSIGNMENT
    // protected $guarded = [];
    // ok: PHP-LARAVEL-MASS-ASSIGNMENT
    protected $notes = 'protected $guarded = [];';

    public function open()
    {
        // ok: PHP-LARAVEL-MASS-ASSIGNMENT
        $guarded = [];
        return $guarded;
    }
}
