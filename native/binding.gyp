{
  "targets": [
    {
      "target_name": "sctvm_lines",
      "sources": ["series_lines.cc"],
      "cflags_cc": ["-std=c++17", "-O2"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++14", "-std=gnu++17"]
    }
  ]
}
