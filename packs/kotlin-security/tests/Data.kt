package com.example.app.data

import android.database.sqlite.SQLiteDatabase
import org.springframework.jdbc.core.JdbcTemplate

private const val TABLE = "notes"

class NotesDao(private val db: SQLiteDatabase, private val jdbc: JdbcTemplate, private val em: EntityManager) {
    fun find(title: String, user: User, id: Long, sort: String) {
        // ruleid: KT-SQL-CONCAT
        db.rawQuery("SELECT * FROM notes WHERE owner = '${user.id}'", null)
        // ruleid: KT-SQL-CONCAT
        db.execSQL("DELETE FROM notes WHERE id = " + id)
        // ruleid: KT-SQL-CONCAT
        val rows = jdbc.queryForList("SELECT * FROM notes ORDER BY $sort")
        // ruleid: KT-SQL-CONCAT
        jdbc.update("UPDATE notes SET title = '" + title + "' WHERE id = ?", id)
        // ruleid: KT-SQL-CONCAT
        val q = em.createQuery(
            """
            SELECT n FROM Note n
            WHERE n.title = '$title'
            """
        )
        // ruleid: KT-SQL-CONCAT
        connection.createStatement().executeQuery("SELECT * FROM notes WHERE title = '" + title + "'")

        // ok: KT-SQL-CONCAT
        db.rawQuery("SELECT * FROM $TABLE WHERE title = ?", arrayOf(title))
        // ok: KT-SQL-CONCAT
        db.execSQL("DELETE FROM " + TABLE + " WHERE id = ?", arrayOf(id))
        // ok: KT-SQL-CONCAT
        db.update("notes", values, "id = ?", arrayOf(id.toString()))
        // ok: KT-SQL-CONCAT
        cache.update("key-$id")
        // ok: KT-SQL-CONCAT
        val price = db.rawQuery("SELECT * FROM notes WHERE price = '\$5'", null)
        // ok: KT-SQL-CONCAT
        val doc = "db.rawQuery(\"SELECT * FROM notes WHERE title = '\$title'\", null) is unsafe"
        // ok: KT-SQL-CONCAT
        // db.execSQL("DELETE FROM notes WHERE id = " + id)
    }

    // ok: KT-SQL-CONCAT
    fun rawQuery(sql: String, args: Array<String>?): Cursor = db.rawQuery(sql, args)
}
