"""SQL injection in Django class-based views: self.request.GET and friends."""
from django.db import connection
from django.http import HttpResponse
from django.views import View


class ReportView(View):
    def get(self, request):
        year = self.request.GET["year"]
        with connection.cursor() as cursor:
            # ruleid: PY-SQL-FORMAT
            cursor.execute(f"SELECT SUM(total) FROM orders WHERE year = {year}")
            # ok: PY-SQL-FORMAT
            cursor.execute("SELECT SUM(total) FROM orders WHERE year = %s", [year])
        return HttpResponse("ok")

    def post(self, request):
        region = request.POST["region"]
        with connection.cursor() as cursor:
            # ruleid: PY-SQL-FORMAT
            cursor.execute("SELECT SUM(total) FROM orders WHERE region = '" + region + "'")
        # This file defines a method named `get`; `request.POST.get(...)` is still the
        # request's, not ReportView.get.
        region = request.POST.get("region")
        with connection.cursor() as cursor:
            # ruleid: PY-SQL-FORMAT
            cursor.execute("SELECT SUM(total) FROM orders WHERE region = '" + region + "'")
        return HttpResponse("ok")
