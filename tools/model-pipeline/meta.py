"""meta.csv content: name, year, units, sources, licence, full citations and the caveat."""

CITATION_CEADS = (
    "Shan, Y., Guan, D., Zheng, H. et al. (2018). China CO2 emission accounts 1997-2015. "
    "Scientific Data 5, 170201. doi:10.1038/sdata.2017.201 (CEADs provincial inventory, "
    "https://www.ceads.net)")
# CEADs 2016-2017 are published in a later paper (sources README section 1).
CITATION_CEADS_2020 = (
    "Shan, Y., Huang, Q., Guan, D. & Hubacek, K. (2020). China CO2 emission accounts 2016-2017. "
    "Scientific Data 7, 54. doi:10.1038/s41597-020-0393-y (CEADs provincial inventory, "
    "https://www.ceads.net)")
CITATION_NBS = {
    2007: "National Bureau of Statistics of China: 2007 input-output table of China, 135 sectors",
    2012: "National Bureau of Statistics of China: 2012 input-output table of China, 139 sectors",
    2017: "National Bureau of Statistics of China: 2017 input-output table of China, 42 sectors",
}
# Chinese forms, where the source has a Chinese title (the exhibit's About shows them in Chinese;
# a citation without one is shown as it is). Key: the citation's key + "_zh".
CITATION_CEADS_ZH = (
    "中国碳核算数据库（CEADs）省级二氧化碳排放清单：Shan, Y., Guan, D., Zheng, H. 等（2018）。"
    "China CO2 emission accounts 1997-2015. Scientific Data 5, 170201. "
    "doi:10.1038/sdata.2017.201（https://www.ceads.net）")
CITATION_NBS_ZH = {
    2007: "国家统计局：《2007年中国投入产出表》（135部门）",
    2012: "国家统计局：《2012年中国投入产出表》（139部门）",
    2017: "国家统计局：《2017年中国投入产出表》（42部门）",
}
CITATION_CEADS_2020_ZH = (
    "中国碳核算数据库（CEADs）省级二氧化碳排放清单：Shan, Y., Huang, Q., Guan, D. & Hubacek, K."
    "（2020）。China CO2 emission accounts 2016-2017. Scientific Data 7, 54. "
    "doi:10.1038/s41597-020-0393-y（https://www.ceads.net）")


def ceads_citation(year, zh=False):
    if year >= 2016:
        return CITATION_CEADS_2020_ZH if zh else CITATION_CEADS_2020
    return CITATION_CEADS_ZH if zh else CITATION_CEADS


CITATION_IONET = (
    "via the R package ionet 0.2.2: Xiao, S., Yan, J. & Zhang, P. (2022). Incorporating "
    "auxiliary information in betweenness measure for input-output networks. Physica A 607, "
    "128200")
CITATION_CHEN = (
    "Chen, Q., Gao, Y., Pan, C., Xu, D. et al. (2023). An interprovincial input-output database "
    "distinguishing firm ownership in China from 1997 to 2017. Scientific Data 10. "
    "doi:10.1038/s41597-023-02183-2 (provincial gross output, 42 sectors)")
CITATION_FENG = (
    "Feng, K., Davis, S. J., Sun, L. et al. (2013). Outsourcing CO2 within China. PNAS 110(28), "
    "11654-11659. doi:10.1073/pnas.1219918110 (calibration target: 57% of emissions tied to "
    "consumption outside the emitting province)")
# English-language papers keep their titles; their notes are given in Chinese.
CITATION_CHEN_ZH = (
    "Chen, Q., Gao, Y., Pan, C., Xu, D. et al. (2023). An interprovincial input-output database "
    "distinguishing firm ownership in China from 1997 to 2017. Scientific Data 10. "
    "doi:10.1038/s41597-023-02183-2（各省总产出，42个部门）")
CITATION_FENG_ZH = (
    "Feng, K., Davis, S. J., Sun, L. et al. (2013). Outsourcing CO2 within China. PNAS 110(28), "
    "11654-11659. doi:10.1073/pnas.1219918110（校准目标：57%的排放与排放省份以外的消费有关）")
CAVEAT = ("Inter-provincial trade flows are a reconstruction (gravity model with home bias, "
          "calibrated to Feng et al. 2013), not observed data.")


def meta_rows(year, params, figures):
    trade = (f"distance exponent {params['distance_exponent']}, home bias {params['home_bias']}, "
             f"services home factor {params['services_home_factor']}, cross-grid electricity "
             f"factor {params['grid_factor']}, reference distance "
             f"{params['reference_distance_km']} km")
    return [
        ["name", f"China provinces {year} (30 provinces x 15 sectors, CO2)"],
        ["year", str(year)],
        ["currency_unit", "10^8 CNY (100 million yuan), current producer prices"],
        ["source", "Carbon Trail model pipeline (tools/model-pipeline) from: CEADs provincial CO2 "
                   f"{year}; NBS {year} national input-output table; provincial gross output "
                   f"and expenditure-side GDP {year} of Chen et al. 2023. Method and choices: "
                   "PROVENANCE.md; ensemble ranges: ENSEMBLE.md"],
        ["license", "Derived data. CEADs data are free to use with citation; the NBS table as "
                    "distributed in ionet is GPL (>= 3); Chen et al. 2023: cite the paper. "
                    "See PROVENANCE.md"],
        ["citation", ceads_citation(year)],
        ["citation_2", f"{CITATION_NBS[year]}, {CITATION_IONET}"],
        ["citation_3", CITATION_CHEN],
        ["citation_4", CITATION_FENG],
        ["citation_zh", ceads_citation(year, zh=True)],
        ["citation_2_zh", f"{CITATION_NBS_ZH[year]}，经 R 软件包 ionet 0.2.2 提供：Xiao, S., Yan, "
                          "J. & Zhang, P. (2022). Physica A 607, 128200"],
        ["citation_3_zh", CITATION_CHEN_ZH],
        ["citation_4_zh", CITATION_FENG_ZH],
        ["caveat", CAVEAT],
        ["trade_parameters", trade],
        ["national_outside_share", f"{figures['national_outside_share']:.4f} (CO2 of industry "
                                   "tied to final demand outside the emitting province, exports "
                                   "included; Feng et al. 2013: 0.57 for 2007)"],
        ["coverage", "Tibet, Hong Kong, Macao and Taiwan are not covered (no CEADs data); "
                     "ROW = rest of the world, receives China's exports"],
    ]
