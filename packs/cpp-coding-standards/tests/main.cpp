#include <memory>
void g() {
// ruleid: CPP-RAW-NEW
Widget* w = new Widget(42);
// ok: CPP-RAW-NEW
auto w = std::make_unique<Widget>(42);
// ruleid: CPP-RAW-DELETE
delete w;
// ok: CPP-RAW-DELETE
w.reset();
