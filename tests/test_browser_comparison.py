"""The framework comparison in the browser: a cell's link lands on the heading it names,
the row labels lead to their explanation, and every link is reachable by keyboard."""


def test_cell_link_lands_on_the_named_heading(page, site_url):
    page.goto(site_url + "framework-comparison/")
    cell = page.locator("table.comparison td a").nth(4)
    href = cell.get_attribute("href")
    anchor = href.split("#")[1]
    cell.click()
    page.wait_for_url(f"**#{anchor}")
    heading = page.locator(f"h2#{anchor}")
    assert heading.count() == 1
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"] / 2, box
    # and the heading links back to this row of the comparison
    assert page.locator(f"a.compare-link[href$='framework-comparison/#dim-{anchor}']").count() == 1


def test_row_label_leads_to_the_dimension_explanation(page, site_url):
    page.goto(site_url + "framework-comparison/")
    label = page.locator("table.comparison th[scope=row] a").first
    target = label.get_attribute("href")
    label.click()
    page.wait_for_url(f"**{target}")
    assert page.locator(f"h3{target}").is_visible()


def test_table_links_are_reachable_by_keyboard(page, site_url):
    page.goto(site_url + "framework-comparison/")
    links = page.locator("table.comparison a").count()
    reached = set()
    for _ in range(links + 80):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('table.comparison') && document.activeElement.getAttribute('href')")
        if href:
            reached.add(href)
    assert len(reached) == links, (len(reached), links)
