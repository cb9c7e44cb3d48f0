<?php
// SQL injection as data flow in a Laravel controller.

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class ProductController extends Controller
{
    public function search(Request $request)
    {
        $term = $request->input('q');
        // ruleid: PHP-SQL-CONCAT
        $rows = DB::select('SELECT * FROM products WHERE name LIKE \'%' . $term . '%\'');
        // ok: PHP-SQL-CONCAT
        $rows = DB::select('SELECT * FROM products WHERE name LIKE ?', ['%' . $term . '%']);
        return view('products.index', ['rows' => $rows]);
    }

    public function sorted(Request $request)
    {
        $order = $this->orderClause($request->query('order'));
        // ruleid: PHP-SQL-CONCAT
        $products = Product::query()->orderByRaw($order)->get();
        // ok: PHP-SQL-CONCAT
        $byName = Product::query()->orderByRaw($this->orderClause('name'))->get();
        return $products->merge($byName);
    }

    private function orderClause($column)
    {
        return $column . ' ASC';
    }

    public function byPrice(Request $request)
    {
        $min = intval($request->get('min'));
        // ok: PHP-SQL-CONCAT
        $products = Product::whereRaw('price >= ' . $min)->get();
        $max = $request->get('max');
        // ruleid: PHP-SQL-CONCAT
        $cheap = Product::whereRaw('price <= ' . $max)->get();
        return $products->merge($cheap);
    }
}
