# Every dependency comes from a Debian 12 package, found the standard way (scripts/setup.sh
# installs them; docs/ARCHITECTURE.md says which layer uses which).
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
if(CTRAIL_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
if(CTRAIL_BUILD_UI)
  find_package(SDL2 CONFIG REQUIRED)
  # libimgui-dev 1.86 is a static library described by imgui.pc (Requires: stb).
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
endif()
