# The Debian package: `cpack` in a build folder makes carbontrail_<version>_<arch>.deb
# (arm64 from the pi cross build, amd64 natively, for a desktop test install).
# Contents: /usr/bin/carbontrail and ctrail (their own install rules), the model databases,
# fonts and assets under /usr/share/carbontrail (assets/ install rules), the systemd unit in
# /lib/systemd/system (bookworm's place for packaged units), the conffile
# /etc/carbontrail/kiosk.conf, /usr/sbin/carbontrail-setup-pi and the technician's guide.
# Maintainer scripts (firmware/debian): system user `carbontrail` in video/input/render and
# /var/lib/carbontrail. Runtime dependencies are computed by dpkg-shlibdeps.

# --- files that belong to the kiosk firmware (everything else installs itself) --------------
# The unit and the conffile have fixed system places (/lib/systemd/system, /etc/carbontrail),
# used when installing to /usr (what the package does); an install to any other prefix
# (`cmake --install build --prefix DIR`) keeps them under that prefix instead of writing to /etc.
set(_ctrail_unit ${PROJECT_SOURCE_DIR}/firmware/systemd/carbontrail.service)
set(_ctrail_conf ${PROJECT_SOURCE_DIR}/firmware/config/kiosk.conf)
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(_root \"\")
  else()
    set(_root \"\${CMAKE_INSTALL_PREFIX}\")
  endif()
  file(INSTALL \"${_ctrail_unit}\" DESTINATION \"\${_root}/lib/systemd/system\")
  file(INSTALL \"${_ctrail_conf}\" DESTINATION \"\${_root}/etc/carbontrail\"
       PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
")
# Admin mode (docs/INSTALL-PI.md): polkit lets the service user reboot, power off and set the
# clock; a udev rule mounts a stick labelled CTRAIL at /media/carbontrail-usb (systemd-mount),
# whose mount point tmpfiles.d makes at boot. Fixed system places, like the unit above.
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(_root \"\")
  else()
    set(_root \"\${CMAKE_INSTALL_PREFIX}\")
  endif()
  file(INSTALL \"${PROJECT_SOURCE_DIR}/firmware/udev/99-carbontrail-usb.rules\"
       DESTINATION \"\${_root}/lib/udev/rules.d\")
")
install(FILES ${PROJECT_SOURCE_DIR}/firmware/polkit/50-carbontrail.rules
        DESTINATION share/polkit-1/rules.d)
install(FILES ${PROJECT_SOURCE_DIR}/firmware/tmpfiles/carbontrail.conf DESTINATION lib/tmpfiles.d)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/firmware/pi/carbontrail-setup-pi DESTINATION sbin)
# Field updates (firmware/update/): the script, its root unit and the polkit rule that lets the
# exhibit's user start exactly that unit.
install(PROGRAMS ${PROJECT_SOURCE_DIR}/firmware/update/carbontrail-update DESTINATION sbin)
install(FILES ${PROJECT_SOURCE_DIR}/firmware/update/50-carbontrail-update.rules
        DESTINATION share/polkit-1/rules.d)
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(_root \"\")
  else()
    set(_root \"\${CMAKE_INSTALL_PREFIX}\")
  endif()
  file(INSTALL \"${PROJECT_SOURCE_DIR}/firmware/update/carbontrail-update@.service\"
       DESTINATION \"\${_root}/lib/systemd/system\")
")
foreach(doc INSTALL-PI.md CURATOR.md)
  if(EXISTS ${PROJECT_SOURCE_DIR}/docs/${doc})
    install(FILES ${PROJECT_SOURCE_DIR}/docs/${doc} DESTINATION share/doc/carbontrail)
  endif()
endforeach()

# --- the package's architecture: Debian's name for the target, not the build machine --------
if(CMAKE_CROSSCOMPILING)
  string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _ctrail_cpu)
  if(_ctrail_cpu MATCHES "^(aarch64|arm64)$")
    set(_ctrail_deb_arch arm64)
  elseif(_ctrail_cpu MATCHES "^(x86_64|amd64)$")
    set(_ctrail_deb_arch amd64)
  elseif(_ctrail_cpu MATCHES "^arm")
    set(_ctrail_deb_arch armhf)
  else()
    message(FATAL_ERROR "Packaging: no Debian architecture known for ${CMAKE_SYSTEM_PROCESSOR}")
  endif()
else()
  find_program(DPKG_EXECUTABLE dpkg)
  if(DPKG_EXECUTABLE)
    execute_process(COMMAND ${DPKG_EXECUTABLE} --print-architecture
                    OUTPUT_VARIABLE _ctrail_deb_arch OUTPUT_STRIP_TRAILING_WHITESPACE)
  else()
    set(_ctrail_deb_arch amd64)
  endif()
endif()
set(CTRAIL_DEB_ARCH ${_ctrail_deb_arch} CACHE INTERNAL "Debian architecture of the package")

set(CTRAIL_PACKAGE_MAINTAINER "Carbon Trail exhibit team <exhibit@carbontrail.invalid>"
    CACHE STRING "Maintainer field of the .deb")

# cpack (and tests/package, which runs it inside ctest) packages what is built; it must not
# start a build of the whole tree itself (its "preinstall" step would, by default).
# Build first: scripts/build-pi.sh and .ci/run do.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME carbontrail)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${CTRAIL_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Carbon Trail: touchscreen exhibit tracing CO2 along China's supply chains")
# The synopsis comes from the summary; CPack indents this text and turns the empty line
# into the control file's " ." paragraph break.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"A museum exhibit for a Raspberry Pi with a touchscreen: a visitor picks where
they live and what they bought, and the exhibit traces the product's CO2 back
along its supply chain to the provinces where it was emitted (environmentally
extended multi-regional input-output analysis, Feng et al. 2013).

Runs full-screen on KMS/DRM as the systemd service carbontrail.service;
settings in /etc/carbontrail/kiosk.conf; writes only to /var/lib/carbontrail.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${CTRAIL_DEB_ARCH})
set(CPACK_DEBIAN_FILE_NAME "carbontrail_${PROJECT_VERSION}_${CTRAIL_DEB_ARCH}.deb")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared-library dependencies (SDL2, SQLite, stb, libstdc++ ...) from dpkg-shlibdeps; it reads
# the arm64 packages' symbol files, so it works for the cross build too. adduser: postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/firmware/debian/conffiles
    ${PROJECT_SOURCE_DIR}/firmware/debian/postinst
    ${PROJECT_SOURCE_DIR}/firmware/debian/prerm
    ${PROJECT_SOURCE_DIR}/firmware/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Release binaries without symbols on the SD card (CMAKE_STRIP is the cross strip when cross).
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_OUTPUT_FILE_PREFIX "")

include(CPack)
