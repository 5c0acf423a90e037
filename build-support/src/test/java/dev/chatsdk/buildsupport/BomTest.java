package dev.chatsdk.buildsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM manages exactly the artifacts the build publishes: every module that does not skip deployment. */
class BomTest {

  // Surefire runs in the module's directory; the reactor's root is its parent.
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void bomManagesEveryPublishedArtifactAtTheProjectVersion() throws Exception {
    List<String> published = new ArrayList<>();
    NodeList modules = parse(ROOT.resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Document module = parse(ROOT.resolve(modules.item(i).getTextContent().trim()).resolve("pom.xml"));
      Element project = module.getDocumentElement();
      boolean skipsDeploy = module.getElementsByTagName("maven.deploy.skip").getLength() > 0;
      if (!skipsDeploy && !"pom".equals(childText(project, "packaging"))) {
        published.add(childText(project, "artifactId"));
      }
    }
    Element bom = parse(ROOT.resolve("bom").resolve("pom.xml")).getDocumentElement();
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(childText(dependency, "version")).isEqualTo("${project.version}");
      managed.add(childText(dependency, "artifactId"));
    }

    assertThat(published).contains("chatsdk-core", "chatsdk-streaming");
    assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
  }

  private static Document parse(Path pom) throws Exception {
    assertThat(pom).exists();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String childText(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }
}
