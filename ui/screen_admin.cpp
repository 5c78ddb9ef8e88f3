// Admin mode's pages, for staff on the same panel: the exhibit's theme, big touch targets, calm
// words (the colours and sizes of ui/components/theme.hpp apply here too). PIN pad, menu, status,
// touch test, size calibration, settings, date and time. Logic: admin_mode.cpp.
#include "app_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace ctrail::ui {

namespace {

bool same(const char* a, const char* b) {
    return a && std::strcmp(a, b) == 0;
}

// Cell (col, row) of a cols x rows grid filling `area` with `gap` between cells.
Box cell(Box area, int cols, int rows, int col, int row, float gap) {
    const float w = (area.w() - gap * float(cols - 1)) / float(cols);
    const float h = (area.h() - gap * float(rows - 1)) / float(rows);
    const float x = area.min.x + float(col) * (w + gap), y = area.min.y + float(row) * (h + gap);
    return Box(x, y, x + w, y + h);
}

std::string local_time_text(std::time_t t, const char* format) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

std::string bytes_text(long long b) {
    char buf[32];
    if (b >= 1000LL * 1000 * 1000)
        std::snprintf(buf, sizeof buf, "%.1f GB", double(b) / 1e9);
    else
        std::snprintf(buf, sizeof buf, "%.0f MB", double(b) / 1e6);
    return buf;
}

std::string duration_text(double s) {
    const long long m = (long long)(s / 60), h = m / 60, d = h / 24;
    char buf[48];
    if (d > 0)
        std::snprintf(buf, sizeof buf, "%lld d %lld h", d, h % 24);
    else
        std::snprintf(buf, sizeof buf, "%lld h %02lld min", h, m % 60);
    return buf;
}

} // namespace

// The title row: the page's title and, under it, the calm message line on the left; Back (or
// Leave on the menu) on the right. Returns the area left for the page, the same whatever the
// message says, so nothing moves under a finger.
Box ExhibitApp::Impl::admin_header(const char* title, bool leave) {
    const Box c = L.canvas.inset(L.outer);
    const float bh = L.touch;
    const float bw =
        std::max(L.touch * 2.2f, measure(fonts.body, L.body, tr("admin.leave")).x + L.pad * 2);
    const Box button(c.max.x - bw, c.min.y, c.max.x, c.min.y + bh);
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    const float ts = std::min(L.h2, bh * 0.45f);
    const float wrap = button.min.x - L.gap - c.min.x;
    float y = c.min.y + std::max(0.f, bh * 0.08f);
    y += text(head, ts, ImVec2(c.min.x, y), theme::text, title, wrap) + ts * 0.25f;
    if (leave) {
        if (secondary_button("admin.leave", button, tr("admin.leave"))) leave_admin();
    } else if (secondary_button("admin.back", button, tr("admin.back"))) {
        if (admin.page == AdminPage::Pin) {
            leave_admin();
        } else {
            admin.page = AdminPage::Menu;
            admin.message = nullptr;
            admin.detail.clear();
        }
    }
    if (admin.message) {
        std::string m =
            same(admin.message, "admin.pin.wait")
                ? format_text(tr("admin.pin.wait"),
                              {{"seconds",
                                std::to_string(int(std::ceil(admin.backoff.seconds_left(now))))}})
                : tr(admin.message);
        if (!admin.detail.empty()) m += " " + admin.detail;
        paragraph(fonts.body, L.caption, ImVec2(c.min.x, y), wrap, theme::interior, m.c_str());
    }
    return Box(c.min.x, button.max.y + L.gap * 0.5f, c.max.x, c.max.y);
}

void ExhibitApp::Impl::draw_admin_pin() {
    if (same(admin.message, "admin.pin.wait") && admin.backoff.can_try(now))
        admin.message = nullptr; // the wait is over
    const Box area = admin_header(tr("admin.pin.title"), false);
    // The keypad: 3 x 4 big keys, as tall as the page allows; the dots beside (above in portrait).
    const float key = std::min({area.h() / 4.f, area.w() / 3.f, L.touch * 1.6f});
    const Box pad_box =
        L.portrait ? Box(area.centre().x - key * 1.5f, area.max.y - key * 4.f,
                         area.centre().x + key * 1.5f, area.max.y)
                   : Box(area.max.x - key * 3.f, area.min.y, area.max.x, area.min.y + key * 4.f);
    static const char* const ids[12] = {"admin.pin.1",     "admin.pin.2", "admin.pin.3",
                                        "admin.pin.4",     "admin.pin.5", "admin.pin.6",
                                        "admin.pin.7",     "admin.pin.8", "admin.pin.9",
                                        "admin.pin.clear", "admin.pin.0", "admin.pin.ok"};
    static const char* const digits = "123456789 0 ";
    const bool locked = !admin.backoff.can_try(now) || admin.pin_job.busy();
    for (int i = 0; i < 12; ++i) {
        const Box b = cell(pad_box, 3, 4, i % 3, i / 3, L.gap * 0.4f);
        if (i == 9) {
            if (secondary_button(ids[i], b, tr("admin.pin.clear"))) admin.pin.clear();
        } else if (i == 11) {
            if (primary_button(ids[i], b, tr("admin.pin.ok"), false) && !locked) submit_pin();
        } else {
            const char label[2] = {digits[i], 0};
            if (secondary_button(ids[i], b, label, std::nullopt, false,
                                 std::min(L.h1, key * 0.45f)) &&
                !locked && admin.pin.size() < 12)
                admin.pin += digits[i];
        }
    }
    // One dot per digit typed: the PIN itself is never shown.
    const Box dots = L.portrait ? Box(area.min.x, area.min.y, area.max.x, pad_box.min.y)
                                : Box(area.min.x, area.min.y, pad_box.min.x - L.gap, area.max.y);
    const float r = std::max(6.f, metrics.mm(2.f));
    const float step = r * 3;
    const float x0 = dots.centre().x - step * float(admin.pin.size()) / 2 + step / 2;
    for (std::size_t i = 0; i < admin.pin.size(); ++i)
        dl->AddCircleFilled(ImVec2(x0 + step * float(i), dots.centre().y), r, theme::text);
    if (admin.pin.empty())
        dl->AddLine(ImVec2(dots.centre().x - r * 2, dots.centre().y + r),
                    ImVec2(dots.centre().x + r * 2, dots.centre().y + r), theme::muted_text, 2);
}

void ExhibitApp::Impl::draw_admin_menu() {
    const Box area = admin_header(tr("admin.title"), true);
    struct Item {
        const char* id;
        const char* label;
    };
    // "Year of the trail" only where the model has other years beside it.
    std::vector<Item> items = {
        {"admin.status", tr("admin.status")},       {"admin.touch_test", tr("admin.touch_test")},
        {"admin.calibrate", tr("admin.calibrate")}, {"admin.settings", tr("admin.settings")},
        {"admin.year", tr("admin.year")},           {"admin.clock", tr("admin.clock")},
        {"admin.export", tr("admin.export")},       {"admin.update", tr("admin.update")},
        {"admin.restart", tr("admin.restart")},     {"admin.reboot", tr("admin.reboot")},
        {"admin.power_off", tr("admin.power_off")},
    };
    if (!years.enabled())
        items.erase(std::find_if(items.begin(), items.end(),
                                 [](const Item& it) { return same(it.id, "admin.year"); }));
    if (admin.confirm) {
        // Reboot and power off ask once more: nothing else on the page meanwhile.
        const bool reboot = same(admin.confirm, "reboot");
        const float bh = L.touch * 1.2f;
        const Box q(area.min.x, area.min.y, area.max.x, area.centre().y);
        text_centred(fonts.headline ? fonts.headline : fonts.body, L.h2, q, theme::text,
                     tr(reboot ? "admin.confirm_reboot" : "admin.confirm_power_off"));
        const float bw = std::min(area.w() / 2 - L.gap, L.touch * 4);
        const Box yes(area.centre().x - bw - L.gap / 2, area.centre().y + L.gap,
                      area.centre().x - L.gap / 2, area.centre().y + L.gap + bh);
        const Box no(area.centre().x + L.gap / 2, yes.min.y, area.centre().x + L.gap / 2 + bw,
                     yes.max.y);
        if (secondary_button("admin.confirm.yes", yes, tr("admin.yes"))) {
            admin.confirm = nullptr;
            const AdminAction a = reboot ? AdminAction::reboot : AdminAction::power_off;
            admin_action(reboot ? "reboot" : "power_off",
                         [act = config.admin.act, a] { return act ? act(a) : "not available"; });
        }
        if (primary_button("admin.confirm.no", no, tr("admin.no"), false)) admin.confirm = nullptr;
        return;
    }
    const int count = int(items.size());
    const int cols = L.portrait ? 2 : 4, rows = (count + cols - 1) / cols;
    for (int i = 0; i < count; ++i) {
        const Box b = cell(area, cols, rows, i % cols, i / cols, L.gap * 0.5f);
        if (!secondary_button(items[std::size_t(i)].id, b, items[std::size_t(i)].label)) continue;
        admin.message = nullptr;
        admin.detail.clear();
        auto act = [this](const char* name, AdminAction a) {
            admin_action(name, [act = config.admin.act, a] {
                return act ? act(a) : std::string("not available");
            });
        };
        const char* id = items[std::size_t(i)].id;
        if (same(id, "admin.status")) {
            admin.page = AdminPage::Status;
            refresh_admin_info(true);
        } else if (same(id, "admin.touch_test")) {
            admin.page = AdminPage::TouchTest;
            admin.touches.clear();
        } else if (same(id, "admin.calibrate")) {
            admin.page = AdminPage::Calibrate;
            admin.mark_touched[0] = admin.mark_touched[1] = false;
            admin.measured_mm = AdminUi::kCalibrationMm;
        } else if (same(id, "admin.settings")) {
            admin.page = AdminPage::Settings;
            admin.draft_idle_s = int(std::lround(config.idle_timeout_s));
            admin.draft_language = config.language;
            admin.draft_home = home >= 0 ? model->regions()[home].code : "";
        } else if (same(id, "admin.year")) {
            admin.page = AdminPage::Year;
            admin.draft_year = years.trail_year();
        } else if (same(id, "admin.clock")) {
            admin.page = AdminPage::Clock;
            refresh_admin_info(true);
            admin.clock_draft = admin.info.now - admin.info.now % 60;
        } else if (same(id, "admin.export")) {
            act("export", AdminAction::export_usb);
        } else if (same(id, "admin.update")) {
            act("update", AdminAction::install_update);
        } else if (same(id, "admin.restart")) {
            act("restart", AdminAction::restart_exhibit);
        } else if (same(id, "admin.reboot")) {
            admin.confirm = "reboot";
        } else if (same(id, "admin.power_off")) {
            admin.confirm = "power_off";
        }
    }
}

void ExhibitApp::Impl::draw_admin_status() {
    refresh_admin_info(false);
    const Box area = admin_header(tr("admin.status"), false);
    const AdminInfo& in = admin.info;
    const char* unknown = tr("admin.unknown");
    std::vector<std::string> lines;
    lines.push_back(format_text(tr("admin.status.version"),
                                {{"version", in.version.empty() ? unknown : in.version},
                                 {"date", in.build_date.empty() ? unknown : in.build_date}}));
    if (model) {
        const ExhibitMeta& m = model->meta();
        lines.push_back(
            format_text(tr("admin.status.model"), {{"name", m.name}, {"source", m.source}}));
    }
    lines.push_back(format_text(
        tr("admin.status.uptime"),
        {{"uptime", duration_text(in.uptime_s)},
         {"restarts",
          in.restarts_since_boot >= 0 ? std::to_string(in.restarts_since_boot) : unknown}}));
    char ms[2][16];
    std::snprintf(ms[0], sizeof ms[0], "%.1f", in.frame_median_ms);
    std::snprintf(ms[1], sizeof ms[1], "%.1f", in.frame_worst_ms);
    lines.push_back(format_text(tr("admin.status.frames"), {{"median", ms[0]}, {"worst", ms[1]}}));
    if (admin.visits_known && admin.visits.today >= 0) {
        lines.push_back(
            format_text(tr("admin.status.visits"),
                        {{"today", std::to_string(admin.visits.today)},
                         {"week", std::to_string(std::max(0, admin.visits.this_week))}}));
        std::string top;
        for (const auto& [id, n] : admin.visits.top_products) {
            const Product* p = content.find_product(id);
            const std::string name = p ? (zh() ? p->name_zh : p->name_en) : id;
            top += (top.empty() ? "" : ", ") + name + " " + std::to_string(n);
        }
        if (!top.empty()) lines.push_back(format_text(tr("admin.status.top"), {{"list", top}}));
        // For the state file: "today/week/id:n,id:n".
        std::string ids;
        for (const auto& [id, n] : admin.visits.top_products)
            ids += (ids.empty() ? "" : ",") + id + ":" + std::to_string(n);
        state.admin_value = std::to_string(admin.visits.today) + "/" +
                            std::to_string(admin.visits.this_week) + "/" + ids;
    } else {
        lines.push_back(tr("admin.status.visits_none"));
    }
    lines.push_back(format_text(
        tr("admin.status.disk"),
        {{"free", in.free_bytes >= 0 ? bytes_text(in.free_bytes) : std::string(unknown)}}));
    lines.push_back(format_text(
        tr("admin.status.clock"),
        {{"time", local_time_text(in.now, "%Y-%m-%d %H:%M")},
         {"trust",
          tr(in.clock_trusted ? "admin.status.clock_trusted" : "admin.status.clock_untrusted")}}));
    float y = area.min.y;
    const float size = L.caption;
    for (const auto& l : lines)
        y += paragraph(fonts.body, size, ImVec2(area.min.x, y), area.w(), theme::text, l.c_str()) +
             size * 0.2f;
    y += size * 0.4f;
    y += paragraph(fonts.body, size, ImVec2(area.min.x, y), area.w(), theme::coast,
                   tr(in.log_lines.empty() ? "admin.status.log_none" : "admin.status.log")) +
         size * 0.2f;
    // The newest lines that fit, newest last (the log keeps twenty).
    const float line_h = size * 1.25f;
    const int fit = std::max(0, int((area.max.y - y) / line_h));
    const int from = std::max(0, int(in.log_lines.size()) - fit);
    for (int i = from; i < int(in.log_lines.size()); ++i) {
        std::string l = in.log_lines[std::size_t(i)];
        dl->PushClipRect(ImVec2(area.min.x, y), ImVec2(area.max.x, y + line_h), true);
        dl->AddText(pick(fonts.body, size), size, ImVec2(area.min.x, y), theme::muted_text,
                    l.c_str());
        dl->PopClipRect();
        y += line_h;
    }
}

void ExhibitApp::Impl::draw_admin_touch_test() {
    const ImGuiIO& io = ImGui::GetIO();
    // A grid to see the picture's geometry, then every touch with its canvas coordinates.
    const Box c = L.canvas;
    const ImU32 grid = theme::with_alpha(theme::muted_text, 0.25f);
    for (int i = 1; i < 10; ++i) {
        const float x = c.min.x + c.w() * float(i) / 10, y = c.min.y + c.h() * float(i) / 10;
        dl->AddLine(ImVec2(x, c.min.y), ImVec2(x, c.max.y), grid);
        dl->AddLine(ImVec2(c.min.x, y), ImVec2(c.max.x, y), grid);
    }
    const Box area = admin_header(tr("admin.touch_test"), false);
    paragraph(fonts.body, L.caption, area.min, area.w(), theme::muted_text, tr("admin.touch.hint"));
    if (io.MouseDown[0] && io.MousePos.x > -1e6f) {
        if (admin.touches.empty() || std::fabs(admin.touches.back().x - io.MousePos.x) > 1 ||
            std::fabs(admin.touches.back().y - io.MousePos.y) > 1)
            admin.touches.push_back(io.MousePos);
        if (admin.touches.size() > 24) admin.touches.erase(admin.touches.begin());
    }
    const float r = std::max(8.f, metrics.mm(3));
    for (std::size_t i = 0; i < admin.touches.size(); ++i) {
        const ImVec2 p = admin.touches[i];
        const bool last = i + 1 == admin.touches.size();
        const ImU32 col = last ? theme::accent : theme::with_alpha(theme::coast, 0.6f);
        dl->AddCircle(p, r, col, 0, 2);
        dl->AddLine(ImVec2(p.x - r * 1.5f, p.y), ImVec2(p.x + r * 1.5f, p.y), col, 1.5f);
        dl->AddLine(ImVec2(p.x, p.y - r * 1.5f), ImVec2(p.x, p.y + r * 1.5f), col, 1.5f);
        if (!last) continue;
        char xy[48];
        std::snprintf(xy, sizeof xy, "%d, %d", int(p.x), int(p.y));
        const ImVec2 s = measure(fonts.body, L.body, xy);
        const float tx = std::clamp(p.x + r * 1.6f, c.min.x, c.max.x - s.x);
        const float ty = std::clamp(p.y - r * 1.6f - s.y, c.min.y, c.max.y - s.y);
        dl->AddText(pick(fonts.body, L.body), L.body, ImVec2(tx, ty), theme::accent, xy);
    }
    state.admin_touch = admin.touches.empty() ? ""
                                              : std::to_string(int(admin.touches.back().x)) + "," +
                                                    std::to_string(int(admin.touches.back().y));
}

void ExhibitApp::Impl::draw_admin_calibrate() {
    const Box area = admin_header(tr("admin.calibrate"), false);
    const ImGuiIO& io = ImGui::GetIO();
    float y = area.min.y;
    y += paragraph(fonts.body, L.caption, ImVec2(area.min.x, y), area.w(), theme::muted_text,
                   tr("admin.cal.hint")) +
         L.gap;
    // Two marks kCalibrationMm apart by the size the exhibit believes the panel has.
    const float d = metrics.mm(float(AdminUi::kCalibrationMm));
    const float cy = y + L.touch * 0.6f;
    const ImVec2 m[2] = {ImVec2(L.canvas.centre().x - d / 2, cy),
                         ImVec2(L.canvas.centre().x + d / 2, cy)};
    const float r = L.touch * 0.35f;
    for (int i = 0; i < 2; ++i) {
        if (io.MouseClicked[0] && std::hypot(io.MousePos.x - m[i].x, io.MousePos.y - m[i].y) < r)
            admin.mark_touched[i] = true;
        const ImU32 col = admin.mark_touched[i] ? theme::coast : theme::accent;
        dl->AddLine(ImVec2(m[i].x, cy - r), ImVec2(m[i].x, cy + r), col, 2);
        dl->AddLine(ImVec2(m[i].x - r, cy), ImVec2(m[i].x + r, cy), col, 2);
        dl->AddCircle(m[i], r * 0.6f, col, 0, 2);
    }
    y = cy + r + L.gap;
    // The ruler's reading: -10, -1, the value, +1, +10; then Save.
    const float bh = L.touch;
    const Box row(area.min.x, y, area.max.x, y + bh);
    static const char* const ids[4] = {"admin.cal.minus10", "admin.cal.minus1", "admin.cal.plus1",
                                       "admin.cal.plus10"};
    static const char* const labels[4] = {"-10", "-1", "+1", "+10"};
    static const double steps[4] = {-10, -1, 1, 10};
    for (int i = 0; i < 4; ++i) {
        const Box b = cell(row, 5, 1, i < 2 ? i : i + 1, 0, L.gap * 0.5f);
        if (secondary_button(ids[i], b, labels[i]))
            admin.measured_mm = std::clamp(admin.measured_mm + steps[i], 30.0, 300.0);
    }
    char v[32];
    std::snprintf(v, sizeof v, "%.0f mm", admin.measured_mm);
    text_centred(fonts.headline ? fonts.headline : fonts.body, L.h2, cell(row, 5, 1, 2, 0, 0),
                 theme::text, v);
    state.admin_value = std::to_string(int(std::lround(admin.measured_mm)));
    const Box save(area.max.x - L.touch * 4, std::min(area.max.y - bh, row.max.y + L.gap),
                   area.max.x, std::min(area.max.y, row.max.y + L.gap + bh));
    if (primary_button("admin.save", save, tr("admin.save_restart"), false)) {
        // Every length scales by the same factor (square pixels); applies at the next start.
        const double f = admin.measured_mm / AdminUi::kCalibrationMm;
        AdminSettings s;
        const bool configured = config.panel_width_mm > 0 && config.panel_height_mm > 0;
        s.panel_width_mm =
            float((configured ? config.panel_width_mm : L.canvas.w() / metrics.mm(1)) * f);
        s.panel_height_mm =
            float((configured ? config.panel_height_mm : L.canvas.h() / metrics.mm(1)) * f);
        admin_action("calibrate", [save = config.admin.save_settings, act = config.admin.act, s] {
            std::string error = save ? save(s) : "not available";
            if (error.empty() && act) error = act(AdminAction::restart_exhibit);
            return error;
        });
    }
}

void ExhibitApp::Impl::draw_admin_settings() {
    const Box area = admin_header(tr("admin.settings"), false);
    const float bh = L.touch;
    const float row_h = bh + L.gap * 0.3f;
    float y = area.min.y;
    auto label = [&](Box b, const std::string& t) {
        const ImVec2 sz = measure(fonts.body, L.body, t.c_str(), b.w());
        text(fonts.body, L.body, ImVec2(b.min.x, b.centre().y - sz.y / 2), theme::text, t.c_str(),
             b.w());
    };
    const float bw = std::max(L.touch * 1.3f, area.w() * 0.14f);
    // Idle reset: -10 s / +10 s.
    {
        const Box r(area.min.x, y, area.max.x, y + bh);
        label(Box(r.min.x, r.min.y, r.max.x - 2 * bw - L.gap, r.max.y),
              format_text(tr("admin.settings.idle"),
                          {{"seconds", std::to_string(admin.draft_idle_s)}}));
        if (secondary_button(
                "admin.idle.minus",
                Box(r.max.x - 2 * bw - L.gap / 2, r.min.y, r.max.x - bw - L.gap / 2, r.max.y),
                "-10"))
            admin.draft_idle_s = std::max(10, admin.draft_idle_s - 10);
        if (secondary_button("admin.idle.plus", Box(r.max.x - bw, r.min.y, r.max.x, r.max.y),
                             "+10"))
            admin.draft_idle_s = std::min(3600, admin.draft_idle_s + 10);
        y += row_h;
    }
    // Default language: the pair, each in its own language.
    {
        const Box r(area.min.x, y, area.max.x, y + bh);
        label(Box(r.min.x, r.min.y, r.max.x - 2 * bw - L.gap, r.max.y),
              tr("admin.settings.language"));
        if (secondary_button(
                "admin.lang.en",
                Box(r.max.x - 2 * bw - L.gap / 2, r.min.y, r.max.x - bw - L.gap / 2, r.max.y),
                tr("lang.en"), std::nullopt, admin.draft_language == "en"))
            admin.draft_language = "en";
        if (secondary_button("admin.lang.zh", Box(r.max.x - bw, r.min.y, r.max.x, r.max.y),
                             tr("lang.zh"), std::nullopt, admin.draft_language == "zh"))
            admin.draft_language = "zh";
        y += row_h;
    }
    // The museum's province: previous / next through the model's provinces, "none" first.
    {
        std::vector<std::string> codes{""};
        if (model)
            for (const auto& reg : model->regions())
                if (!reg.external) codes.push_back(reg.code);
        auto it = std::find(codes.begin(), codes.end(), admin.draft_home);
        int i = it == codes.end() ? 0 : int(it - codes.begin());
        const int r_index = model && i > 0 ? model->find_region(codes[std::size_t(i)]) : -1;
        const std::string name =
            r_index >= 0 ? region_name(r_index) : tr("admin.settings.home_none");
        const Box r(area.min.x, y, area.max.x, y + bh);
        label(Box(r.min.x, r.min.y, r.max.x - 2 * bw - L.gap, r.max.y),
              format_text(tr("admin.settings.home"), {{"name", name}}));
        const int n = int(codes.size());
        if (secondary_button(
                "admin.home.prev",
                Box(r.max.x - 2 * bw - L.gap / 2, r.min.y, r.max.x - bw - L.gap / 2, r.max.y), "<"))
            i = (i + n - 1) % n;
        if (secondary_button("admin.home.next", Box(r.max.x - bw, r.min.y, r.max.x, r.max.y), ">"))
            i = (i + 1) % n;
        admin.draft_home = codes[std::size_t(i)];
        y += row_h;
    }
    state.admin_value =
        std::to_string(admin.draft_idle_s) + "," + admin.draft_language + "," + admin.draft_home;
    const Box save(area.max.x - std::min(area.w(), L.touch * 3.5f), std::max(y, area.max.y - bh),
                   area.max.x, std::max(y, area.max.y - bh) + bh);
    if (primary_button("admin.save", save, tr("admin.save"), false)) {
        AdminSettings s;
        s.idle_timeout_s = admin.draft_idle_s;
        s.language = admin.draft_language;
        s.home_region = admin.draft_home;
        apply_admin_settings(s);
        admin_action("settings", [save = config.admin.save_settings, s] {
            return save ? save(s) : std::string("not available");
        });
    }
}

void ExhibitApp::Impl::draw_admin_year() {
    // The year the trail runs in, one button per year installed beside the model. The trail's
    // model is opened at start, so another year is saved and the exhibit restarted.
    const Box area = admin_header(tr("admin.year"), false);
    const std::vector<int> ys = years.buttons();
    const float bh = L.touch;
    float y = area.min.y;
    y += paragraph(fonts.body, L.body, ImVec2(area.min.x, y), area.w(), theme::text,
                   format_text(tr("admin.year.now"), {{"year", std::to_string(years.trail_year())}})
                       .c_str()) +
         L.gap;
    const int n = std::max(1, int(ys.size()));
    const float bw = std::min(L.touch * 2.2f, (area.w() - L.gap * float(n - 1)) / float(n));
    for (int i = 0; i < int(ys.size()); ++i) {
        const float x = area.min.x + float(i) * (bw + L.gap);
        const std::string label = std::to_string(ys[std::size_t(i)]);
        if (secondary_button(("admin.year." + label).c_str(), Box(x, y, x + bw, y + bh),
                             label.c_str(), std::nullopt, admin.draft_year == ys[std::size_t(i)]))
            admin.draft_year = ys[std::size_t(i)];
    }
    y += bh + L.gap;
    state.admin_value = std::to_string(admin.draft_year);
    if (admin.draft_year == years.trail_year()) return; // nothing to save
    const Box save(area.max.x - std::min(area.w(), L.touch * 4.5f), std::max(y, area.max.y - bh),
                   area.max.x, std::max(y, area.max.y - bh) + bh);
    if (primary_button("admin.save", save, tr("admin.save_restart"), false)) {
        AdminSettings s;
        s.model_year = admin.draft_year;
        admin_action("year", [save = config.admin.save_settings, act = config.admin.act, s] {
            std::string error = save ? save(s) : std::string("not available");
            if (error.empty() && act) error = act(AdminAction::restart_exhibit);
            return error;
        });
    }
}

void ExhibitApp::Impl::draw_admin_clock() {
    const Box area = admin_header(tr("admin.clock"), false);
    const float bh = L.touch;
    float y = area.min.y;
    const std::string shown = local_time_text(admin.clock_draft, "%Y-%m-%d  %H:%M");
    state.admin_value = local_time_text(admin.clock_draft, "%Y-%m-%dT%H:%M");
    ImFont* head = fonts.headline ? fonts.headline : fonts.body;
    y += text_centred(head, L.h1, Box(area.min.x, y, area.max.x, y + L.h1 * 1.4f), theme::text,
                      shown.c_str()) +
         L.gap * 0.5f;
    // Day, hour, minute: - and + for each.
    struct Step {
        const char* minus_id;
        const char* plus_id;
        const char* label_key;
        long step;
    };
    const Step steps[3] = {{.minus_id = "admin.clock.day_minus",
                            .plus_id = "admin.clock.day_plus",
                            .label_key = "admin.clock.day",
                            .step = 86400},
                           {.minus_id = "admin.clock.hour_minus",
                            .plus_id = "admin.clock.hour_plus",
                            .label_key = "admin.clock.hour",
                            .step = 3600},
                           {.minus_id = "admin.clock.min_minus",
                            .plus_id = "admin.clock.min_plus",
                            .label_key = "admin.clock.minute",
                            .step = 60}};
    const Box row(area.min.x, y, area.max.x, y + bh);
    for (int i = 0; i < 3; ++i) {
        const Box group = cell(row, 3, 1, i, 0, L.gap);
        const float w = std::min(group.w() / 3, L.touch * 1.4f);
        if (secondary_button(steps[i].minus_id,
                             Box(group.min.x, group.min.y, group.min.x + w, group.max.y), "-"))
            admin.clock_draft -= steps[i].step;
        if (secondary_button(steps[i].plus_id,
                             Box(group.max.x - w, group.min.y, group.max.x, group.max.y), "+"))
            admin.clock_draft += steps[i].step;
        text_centred(fonts.body, L.caption,
                     Box(group.min.x + w, group.min.y, group.max.x - w, group.max.y), theme::text,
                     tr(steps[i].label_key));
    }
    y += bh + L.gap;
    const Box set(area.max.x - L.touch * 4, std::min(area.max.y - bh, y), area.max.x,
                  std::min(area.max.y, y + bh));
    if (primary_button("admin.clock.set", set, tr("admin.clock.set"), false))
        admin_action("clock", [set_time = config.admin.set_time, t = admin.clock_draft] {
            return set_time ? set_time(t) : std::string("not available");
        });
}

void ExhibitApp::Impl::draw_admin() {
    state.admin_touch.clear();
    state.admin_value.clear();
    switch (admin.page) {
    case AdminPage::Off:
        break;
    case AdminPage::Pin:
        draw_admin_pin();
        break;
    case AdminPage::Menu:
        draw_admin_menu();
        break;
    case AdminPage::Status:
        draw_admin_status();
        break;
    case AdminPage::TouchTest:
        draw_admin_touch_test();
        break;
    case AdminPage::Calibrate:
        draw_admin_calibrate();
        break;
    case AdminPage::Settings:
        draw_admin_settings();
        break;
    case AdminPage::Year:
        draw_admin_year();
        break;
    case AdminPage::Clock:
        draw_admin_clock();
        break;
    }
    animate_until(now);
}

} // namespace ctrail::ui
