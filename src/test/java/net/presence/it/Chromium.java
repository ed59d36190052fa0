package net.presence.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium for the page tests, each with a profile of its own. */
final class Chromium {

    private Chromium() {
    }

    static WebDriver start(String name, int width, int height) throws IOException {
        // both paths given: Selenium Manager never runs, so nothing is downloaded at test time
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory(name + "-chromium"));
        return new ChromeDriver(driver, options);
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    static void leave(WebDriver browser, WebElement target) {
        WebElement page = browser.findElement(org.openqa.selenium.By.tagName("html"));
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> isGone(page));
    }

    /** Chrome tells of a node of a page it has left in two ways, depending on the moment. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException left) {
            return true;
        } catch (WebDriverException leaving) {
            if (String.valueOf(leaving.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw leaving;
        }
    }
}
