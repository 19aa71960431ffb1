{
  "targets": [
    {
      "target_name": "sctvm_native",
      "sources": ["addon.cc", "series_lines.cc", "derive_phase.cc", "sheet_cells.cc"],
      "cflags_cc": ["-std=c++17", "-O2", "-ffp-contract=off"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++14", "-std=gnu++17"]
    }
  ]
}
